using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PerfGate.Measurements.Output;

/// <summary>
/// Writes imported runs as CSV, one row per metric and statistic (a failed run without metrics is one row with the
/// metric empty). Written field by field with CsvHelper's writer (no reflection mapping, so it survives NativeAOT
/// trimming), invariant culture, LF.
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
        using (var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true))
        {
            foreach (var c in Columns)
            {
                csv.WriteField(c);
            }

            csv.NextRecord();
            foreach (var run in runs)
            {
                if (run.Metrics.Count == 0)
                {
                    WriteRun(csv, run);
                    for (var i = 0; i < 5; i++)
                    {
                        csv.WriteField(string.Empty);
                    }

                    csv.NextRecord();
                }

                foreach (var metric in run.Metrics)
                {
                    WriteRun(csv, run);
                    csv.WriteField(metric.Info.Key);
                    csv.WriteField(metric.Statistic);
                    csv.WriteField(MeasuredText.Number(metric.ValueInCanonicalUnit));
                    csv.WriteField(metric.Info.Unit);
                    csv.WriteField(metric.Definition);
                    csv.NextRecord();
                }
            }

            csv.Flush();
        }

        return text.ToString();
    }

    private static void WriteRun(CsvWriter csv, MeasuredRun run)
    {
        csv.WriteField(run.Source.File);
        csv.WriteField(run.Source.Line.ToString(CultureInfo.InvariantCulture));
        csv.WriteField(run.Format);
        csv.WriteField(run.Label);
        csv.WriteField(run.System.Engine ?? string.Empty);
        csv.WriteField(run.System.Model ?? string.Empty);
        csv.WriteField(run.System.Hardware ?? string.Empty);
        csv.WriteField(run.System.Cards?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(run.System.Parallelism ?? string.Empty);
        csv.WriteField(MeasuredModes.Name(run.Workload.Mode));
        csv.WriteField(run.Workload.RequestRatePerSecond is { } r ? MeasuredText.Number(r) : string.Empty);
        csv.WriteField(run.Workload.Concurrency?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
        csv.WriteField(run.Workload.PromptTokens is { } p ? MeasuredText.Number(p) : string.Empty);
        csv.WriteField(run.Workload.OutputTokens is { } o ? MeasuredText.Number(o) : string.Empty);
        csv.WriteField(run.Failed ? "true" : "false");
    }
}
