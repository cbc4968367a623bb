using System.Globalization;
using PerfGate.Csv;

namespace PerfGate.Measurements.Output;

/// <summary>
/// Writes imported runs as CSV, one row per metric and statistic (a failed run without metrics is one row with the
/// metric empty): RFC 4180 through <see cref="CsvFields"/> (CsvHelper is not NativeAOT-safe), invariant culture, LF.
/// </summary>
public static class MeasuredCsvWriter
{
    public static IReadOnlyList<string> Columns { get; } =
    [
        "file", "line", "format", "label", "engine", "model", "hardware", "cards", "parallelism", "mode", "request_rate", "concurrency",
        "prompt_tokens", "output_tokens", "failed", "metric", "statistic", "value", "unit", "definition",
    ];

    public static string Write(IReadOnlyList<MeasuredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var text = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        CsvFields.WriteRecord(text, Columns);
        foreach (var run in runs)
        {
            if (run.Metrics.Count == 0)
            {
                CsvFields.WriteRecord(text, [.. RunFields(run), "", "", "", "", ""]);
            }

            foreach (var metric in run.Metrics)
            {
                CsvFields.WriteRecord(text,
                [
                    .. RunFields(run),
                    metric.Info.Key,
                    metric.Statistic,
                    MeasuredText.Number(metric.ValueInCanonicalUnit),
                    metric.Info.Unit,
                    metric.Definition,
                ]);
            }
        }

        return text.ToString();
    }

    private static string[] RunFields(MeasuredRun run) =>
    [
        run.Source.File,
        run.Source.Line.ToString(CultureInfo.InvariantCulture),
        run.Format,
        run.Label,
        run.System.Engine ?? string.Empty,
        run.System.Model ?? string.Empty,
        run.System.Hardware ?? string.Empty,
        run.System.Cards?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        run.System.Parallelism ?? string.Empty,
        MeasuredModes.Name(run.Workload.Mode),
        run.Workload.RequestRatePerSecond is { } r ? MeasuredText.Number(r) : string.Empty,
        run.Workload.Concurrency?.ToString(CultureInfo.InvariantCulture) ?? string.Empty,
        run.Workload.PromptTokens is { } p ? MeasuredText.Number(p) : string.Empty,
        run.Workload.OutputTokens is { } o ? MeasuredText.Number(o) : string.Empty,
        run.Failed ? "true" : "false",
    ];
}
