using System.Globalization;
using System.Text;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// The accuracy table (console and Markdown): per scenario, every measured figure beside its estimate with the error
/// in %, the estimated batch, whether the serving-load model holds there (holds, saturated, does not hold), the notes
/// saying where it stops holding, and the MAPE line.
/// </summary>
public static class AccuracyReport
{
    /// <summary>How to read the table, said under it wherever it is shown.</summary>
    public const string ModelNote = "Estimates: continuous batching at each load's steady-state batch, decode steps stretched by the prefills' share rho = rate x prefill time (ITL = step / (1 - rho)), TTFT = prefill + the wait for the step in progress (+ the queue for Poisson arrivals). 'does not hold': the queue grows (rho >= 1, or more sequences than fit), so no number is given; 'saturated': a full batch, left out of MAPE.";

    private static readonly string[] Headers = ["run", "load", "metric", "measured", "estimate", "error", "batch", "model"];

    public static string Console(IReadOnlyList<AccuracyResult> results, string? note)
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

        Closing(sb, results, note);
        return sb.ToString();
    }

    public static string Markdown(IReadOnlyList<AccuracyResult> results, string? note, Func<AccuracyResult, string?>? picture = null)
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

            sb.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
            sb.Append("| --- | --- | --- | ---: | ---: | ---: | ---: | --- |\n");
            foreach (var row in Rows(result))
            {
                sb.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
            }

            sb.Append('\n');
            Footer(sb, result, string.Empty);
            sb.Append('\n');
        }

        Closing(sb, results, note);
        return sb.ToString();
    }

    private static IEnumerable<string[]> Rows(AccuracyResult result) => result.Rows.Select(r => new[]
    {
        FormattableString.Invariant($"{r.Run.Source.File}({r.Run.Source.Line})"),
        r.Run.Workload.Label,
        r.MetricKey,
        $"{MeasuredText.Number(r.Measured)} {r.Unit}",
        r.Estimated is { } e ? $"{MeasuredText.Number(e)} {r.Unit}" : "-",
        r.ErrorPercent is { } error ? (error >= 0 ? "+" : string.Empty) + MeasuredText.Number(Math.Round(error, 1)) + " %" : "-",
        r.Point.Regime == ServingRegime.DoesNotHold ? "-" : r.Point.Batch.ToString(CultureInfo.InvariantCulture),
        RegimeText(r.Point.Regime),
    });

    /// <summary>How a row's regime is written in the table and the snapshot.</summary>
    public static string RegimeText(ServingRegime regime) => regime switch
    {
        ServingRegime.Holds => "holds",
        ServingRegime.Saturated => "saturated",
        ServingRegime.DoesNotHold => "does not hold",
        _ => throw new ArgumentOutOfRangeException(nameof(regime), regime, "unknown serving regime"),
    };

    private static void Footer(StringBuilder sb, AccuracyResult result, string indent)
    {
        var held = result.Rows.Count(r => r.Counts);
        sb.Append(indent).Append(result.Mape is { } mape
            ? FormattableString.Invariant($"MAPE {MeasuredText.Number(Math.Round(mape, 1))} % over {held} figure(s) where the steady-state model holds")
            : "MAPE n/a: no figure where the steady-state model holds");
        var estimated = result.Rows.Count(r => r.Estimated is not null);
        if (result.MapeAll is { } all && held < estimated)
        {
            sb.Append(FormattableString.Invariant($"; {MeasuredText.Number(Math.Round(all, 1))} % with the {estimated - held} saturated one(s)"));
        }

        sb.Append('\n');
        foreach (var note in result.Notes)
        {
            sb.Append(indent).Append("note: ").Append(note).Append('\n');
        }
    }

    private static void Closing(StringBuilder sb, IReadOnlyList<AccuracyResult> results, string? note)
    {
        var rows = results.SelectMany(r => r.Rows).Where(r => r.Counts).Select(r => Math.Abs(r.ErrorPercent!.Value)).ToList();
        sb.Append(rows.Count == 0
            ? "aggregate MAPE n/a\n"
            : FormattableString.Invariant($"aggregate MAPE {MeasuredText.Number(Math.Round(rows.Average(), 1))} % over {rows.Count} figure(s) in {results.Count} scenario(s)\n"));
        if (note is not null)
        {
            sb.Append(note).Append('\n');
        }
    }
}
