using System.CommandLine;

namespace PerfGate.Cli.Commands;

/// <summary><c>perfgate validate [--workspace DIR]</c>: load and check every input, report all problems at once.</summary>
internal static class ValidateCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = new Option<string?>("--workspace", "-w")
        {
            Description = "Folder holding perfgate.yaml (default: the current directory).",
        };
        var command = new Command("validate", "Load the workspace and the catalog and report every problem found.");
        command.Options.Add(workspace);
        command.SetAction(parse =>
        {
            var dir = parse.GetValue(workspace) ?? context.CurrentDirectory;
            context.Out.WriteLine($"validate: {dir} (not implemented yet)");
            return ExitCodes.Success;
        });
        return command;
    }
}
