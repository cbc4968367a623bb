using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary><c>perfgate list</c>: the workspace's scenarios (<see cref="ScenarioTable"/>), to pick names for check and approve.</summary>
internal static class ListCommand
{
    public static Command Create(CliContext context)
    {
        var options = new WorkspaceOptions();
        var command = new Command("list", "List the workspace's scenarios: id, model, hardware, cards and the sections each computes (decode, search, memory).");
        options.AddTo(command);
        command.SetAction(parse =>
        {
            if (options.Load(parse, context, printInfo: false).Workspace is not { } workspace)
            {
                return ExitCodes.BadInput;
            }

            ConsoleFactory.Create(context).Write(context, ScenarioTable.Of(workspace));
            return ExitCodes.Success;
        });
        return command;
    }
}
