using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Measurements;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// The options both measured commands share (--format and what the report may not say: --engine, --model, --hardware,
/// --cards, --parallelism), and the reading of report files with their sidecar YAML (Core's <see cref="MeasuredReportReader"/>)
/// from the disk.
/// </summary>
internal sealed class MeasuredReading
{
    public Option<string?> Format { get; } = new("--format") { Description = "The report format, when PerfGate cannot tell: " + MeasuredFormats.Ids + "." };

    public Option<string?> Engine { get; } = new("--engine") { Description = "The serving engine, when the report does not say (e.g. vLLM)." };

    public Option<string?> Model { get; } = new("--model") { Description = "The model, when the report does not say (a catalog id such as qwen2-72b)." };

    public Option<string?> Hardware { get; } = new("--hardware") { Description = "The accelerator, when the report does not say (a catalog id such as a100-80g)." };

    public Option<int?> Cards { get; } = new("--cards") { Description = "The number of cards, when the report does not say." };

    public Option<string?> Parallelism { get; } = new("--parallelism") { Description = "The parallelism, e.g. tp4." };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Format, Engine, Model, Hardware, Cards, Parallelism })
        {
            command.Options.Add(o);
        }
    }

    /// <summary>
    /// Reads every file (in <paramref name="format"/> when --format does not name one); returns all runs, or null after
    /// printing the diagnostics when any file failed.
    /// </summary>
    public IReadOnlyList<MeasuredRun>? Read(CliContext context, ParseResult parse, IEnumerable<string> files, string? format = null)
    {
        var told = new MeasuredSystem(parse.GetValue(Engine), parse.GetValue(Model), parse.GetValue(Hardware), parse.GetValue(Cards), parse.GetValue(Parallelism));
        var problems = new List<Diagnostic>();
        var runs = Reader(context).Read(files, parse.GetValue(Format) ?? format, told, problems);
        return Printed(context, problems) ? runs : null;
    }

    /// <summary>The report files as they are (text and sidecar text), for <c>perfgate measured approve</c>; null after printing the diagnostics when a file cannot be read.</summary>
    public static IReadOnlyList<MeasuredReportFile>? ReadFiles(CliContext context, IEnumerable<string> files)
    {
        var problems = new List<Diagnostic>();
        var reports = Reader(context).ReadFiles(files, problems);
        return Printed(context, problems) ? reports : null;
    }

    private static MeasuredReportReader Reader(CliContext context) => new(PhysicalFileSystem.Instance, context.CurrentDirectory);

    /// <summary>Prints the diagnostics; true when none is an error.</summary>
    private static bool Printed(CliContext context, List<Diagnostic> problems)
    {
        DiagnosticPrinter.Print(context, problems);
        return !problems.Any(p => p.Severity == Severity.Error);
    }
}
