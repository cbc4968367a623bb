using System.CommandLine;

namespace PerfGate.Cli.Commands;

/// <summary><c>perfgate measured import|compare</c>: benchmark reports from GuideLLM, vLLM, SGLang, AIPerf and MindIE.</summary>
internal static class MeasuredCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("measured", "Import measured benchmark reports (GuideLLM, vLLM, SGLang, AIPerf, MindIE) and gate new runs against baseline runs.");
        command.Subcommands.Add(MeasuredImportCommand.Create(context));
        command.Subcommands.Add(MeasuredCompareCommand.Create(context));
        return command;
    }
}
