using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.Measurements;
using PerfGate.Run;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// The options both measured commands share (--format and what the report may not say: --engine, --model, --hardware,
/// --cards, --parallelism) and the reading of report files with their sidecar YAML (REPORT.perfgate.yaml).
/// </summary>
internal sealed class MeasuredReading
{
    /// <summary>GuideLLM's JSON with per-request detail can be large; anything past 256 MiB is not a benchmark summary.</summary>
    private const long MaxReportBytes = 256L << 20;

    private const long MaxSidecarBytes = 1 << 20;

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
        if (told.Cards is < 1)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--cards: {told.Cards} must be at least 1", SourceLocation.None));
        }

        var runs = new List<MeasuredRun>();
        foreach (var file in files)
        {
            var text = InputFile.ReadText(context, file, "a benchmark report (" + MeasuredFormats.Ids + ")", MaxReportBytes, problems);
            if (text is null)
            {
                continue;
            }

            var sidecar = Sidecar(context, file, problems);
            var result = MeasuredImport.Read(new MeasuredInput(file.Replace('\\', '/'), text), parse.GetValue(Format) ?? format, (sidecar ?? MeasuredSystem.Unknown).OverriddenBy(told));
            problems.AddRange(result.Diagnostics);
            runs.AddRange(result.Runs);
        }

        if (problems.Any(p => p.Severity == Severity.Error))
        {
            DiagnosticPrinter.Print(context, problems);
            return null;
        }

        DiagnosticPrinter.Print(context, problems);
        return runs;
    }

    /// <summary>
    /// The report files as they are (text and sidecar text), for <c>perfgate measured approve</c>; null after printing the
    /// diagnostics when a file cannot be read.
    /// </summary>
    public static IReadOnlyList<MeasuredReportFile>? ReadFiles(CliContext context, IEnumerable<string> files)
    {
        var problems = new List<Diagnostic>();
        var reports = new List<MeasuredReportFile>();
        foreach (var file in files)
        {
            if (InputFile.ReadText(context, file, "a benchmark report (" + MeasuredFormats.Ids + ")", MaxReportBytes, problems) is { } text)
            {
                reports.Add(new MeasuredReportFile(file.Replace('\\', '/'), text, SidecarText(context, file, problems)));
            }
        }

        DiagnosticPrinter.Print(context, problems);
        return problems.Any(p => p.Severity == Severity.Error) ? null : reports;
    }

    private static MeasuredSystem? Sidecar(CliContext context, string report, List<Diagnostic> problems)
    {
        var path = MeasuredSidecar.PathFor(report);
        var text = SidecarText(context, report, problems);
        return text is null ? null : MeasuredSidecar.Read(text, path, problems);
    }

    private static string? SidecarText(CliContext context, string report, List<Diagnostic> problems)
    {
        var path = MeasuredSidecar.PathFor(report);
        if (!File.Exists(Path.GetFullPath(path, context.CurrentDirectory)))
        {
            return null;
        }

        var bytes = InputFile.ReadBytes(context, path, "a measured-report sidecar YAML", MaxSidecarBytes, problems);
        return bytes is null ? null : InputText.Decode(bytes, path, out var error) ?? Fail(error!, problems);
    }

    private static string? Fail(Diagnostic error, List<Diagnostic> problems)
    {
        problems.Add(error);
        return null;
    }
}
