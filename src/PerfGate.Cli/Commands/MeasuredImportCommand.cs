using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Measurements.Output;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate measured import FILE... [--csv OUT] [--json]</c>: reads benchmark reports into normalised runs and prints
/// them (a table, or JSON with --json); --csv writes one row per metric and statistic. Exit 0, or 2 on a bad file.
/// </summary>
internal static class MeasuredImportCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("files") { Description = "Benchmark reports: GuideLLM JSON or Markdown, vLLM JSON, SGLang JSONL, AIPerf JSON, MindIE console logs.", Arity = ArgumentArity.OneOrMore };
        var csv = new Option<string?>("--csv") { Description = "Write the normalised runs as CSV (one row per metric and statistic) to this file." };
        var json = new Option<bool>("--json") { Description = "Print the normalised runs as JSON instead of a table." };
        var reading = new MeasuredReading();
        var exports = new MeasuredExports();
        var command = new Command("import", "Read benchmark reports into normalised runs: system, load, metrics with percentiles, each metric's definition.");
        command.Arguments.Add(files);
        command.Options.Add(csv);
        command.Options.Add(json);
        reading.AddTo(command);
        exports.AddTo(command);
        command.SetAction(parse =>
        {
            if (reading.Read(context, parse, parse.GetValue(files)!) is not { } runs)
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(csv) is { } target && !OutputFile.TryWrite(context, target, MeasuredCsvWriter.Write(runs), "--csv"))
            {
                return ExitCodes.BadInput;
            }

            if (!exports.Write(context, parse, runs))
            {
                return ExitCodes.BadInput;
            }

            context.Out.Write(parse.GetValue(json) ? MeasuredJsonWriter.Write(runs) : MeasuredSummary.Render(runs));
            return ExitCodes.Success;
        });
        return command;
    }
}
