using System.Globalization;
using System.Text;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// The accuracy table (console and Markdown): per scenario, every measured figure beside its estimate with the error
/// in %, the estimated batch, a mark where the estimate says the server is saturated, and the MAPE line.
/// </summary>
public static class AccuracyReport
{
    private static readonly string[] Headers = ["run", "load", "metric", "measured", "estimate", "error", "batch", ""];

    public static string Console(IReadOnlyList<AccuracyResult> results, string? ttftNote)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder();
        foreach (var result in results)
        {
            sb.Append("scenario ").Append(result.Scenario).Append('\n');
            var rows = Rows(result).Prepend(Headers).ToList();
            var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
            foreach (var row in rows)
            {
                sb.Append("  ").Append(string.Join("  ", row.Select((cell, c) => c is < 3 or 7 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
            }

            Footer(sb, result, "  ");
        }

        Closing(sb, results, ttftNote);
        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<AccuracyResult> results, string? ttftNote, Func<AccuracyResult, string?>? picture = null)
    {
        ArgumentNullException.ThrowIfNull(results);
        var sb = new StringBuilder("## Estimates against measurements\n\n");
        foreach (var result in results)
        {
            sb.Append("### ").Append(result.Scenario).Append("\n\n");
            if (picture?.Invoke(result) is { } link)
            {
                sb.Append("![ITL and TTFT against request rate](").Append(link).Append(")\n\n");
            }

            sb.Append("| ").Append(string.Join(" | ", Headers[..^1])).Append(" | saturated |\n");
            sb.Append("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n");
            foreach (var row in Rows(result))
            {
                sb.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
            }

            sb.Append('\n');
            Footer(sb, result, string.Empty);
            sb.Append('\n');
        }

        Closing(sb, results, ttftNote);
        return sb.ToString();
    }

    private static IEnumerable<string[]> Rows(AccuracyResult result) => result.Rows.Select(r => new[]
    {
        FormattableString.Invariant($"{r.Run.Source.File}({r.Run.Source.Line})"),
        r.Run.Workload.Label,
        r.MetricKey,
        $"{MeasuredText.Number(r.Measured)} {r.Unit}",
        $"{MeasuredText.Number(r.Estimated)} {r.Unit}",
        (r.ErrorPercent >= 0 ? "+" : string.Empty) + MeasuredText.Number(Math.Round(r.ErrorPercent, 1)) + " %",
        r.Point.Batch.ToString(CultureInfo.InvariantCulture),
        r.Point.Saturated ? "saturated" : string.Empty,
    });

    private static void Footer(StringBuilder sb, AccuracyResult result, string indent)
    {
        var held = result.Rows.Count(r => !r.Point.Saturated);
        sb.Append(indent).Append(result.Mape is { } mape
            ? FormattableString.Invariant($"MAPE {MeasuredText.Number(Math.Round(mape, 1))} % over {held} figure(s) where the steady-state model holds")
            : "MAPE n/a: no figure where the steady-state model holds");
        if (result.MapeAll is { } all && held < result.Rows.Count)
        {
            sb.Append(FormattableString.Invariant($"; {MeasuredText.Number(Math.Round(all, 1))} % with the {result.Rows.Count - held} saturated one(s)"));
        }

        sb.Append('\n');
        foreach (var note in result.Notes)
        {
            sb.Append(indent).Append("note: ").Append(note).Append('\n');
        }
    }

    private static void Closing(StringBuilder sb, IReadOnlyList<AccuracyResult> results, string? ttftNote)
    {
        var rows = results.SelectMany(r => r.Rows).Where(r => !r.Point.Saturated).Select(r => Math.Abs(r.ErrorPercent)).Where(double.IsFinite).ToList();
        sb.Append(rows.Count == 0
            ? "aggregate MAPE n/a\n"
            : FormattableString.Invariant($"aggregate MAPE {MeasuredText.Number(Math.Round(rows.Average(), 1))} % over {rows.Count} figure(s) in {results.Count} scenario(s)\n"));
        if (ttftNote is not null)
        {
            sb.Append(ttftNote).Append('\n');
        }
    }
}
