using System.CommandLine;

namespace PerfGate.Cli.Commands;

/// <summary><c>perfgate measured import|compare|approve</c>: benchmark reports from GuideLLM, vLLM, SGLang, AIPerf and MindIE.</summary>
internal static class MeasuredCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("measured", "Import measured benchmark reports (GuideLLM, vLLM, SGLang, AIPerf, MindIE), gate new runs against baseline runs, and approve a measured gate's baseline.");
        command.Subcommands.Add(MeasuredImportCommand.Create(context));
        command.Subcommands.Add(MeasuredCompareCommand.Create(context));
        command.Subcommands.Add(MeasuredApproveCommand.Create(context));
        return command;
    }
}
