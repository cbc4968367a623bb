using System.Text;

namespace PerfGate.Measurements.Output;

/// <summary>
/// The console view of imported runs: one line per run with where it came from, the system, the load, and the central
/// value (mean, else median) of each canonical metric. A failed run says so instead of showing its zeros.
/// </summary>
public static class MeasuredSummary
{
    public static string Render(IReadOnlyList<MeasuredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var kinds = MeasuredMetricKinds.All.Where(k => runs.Any(r => r.Central(k.Kind) is not null)).ToList();
        var header = new[] { "source", "format", "system", "load" }.Concat(kinds.Select(k => $"{k.Key} ({k.Unit})")).ToArray();
        var rows = runs.Select(r => new[]
        {
            $"{r.Source.File}({r.Source.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)})",
            r.Format,
            BenchmarkNames.System(r.System) is { Length: > 0 } s ? s : "-",
            r.Workload.Label,
        }.Concat(kinds.Select(k => r.Failed ? "failed" : r.Central(k.Kind) is { } m ? MeasuredText.Number(m.ValueInCanonicalUnit) : "-")).ToArray()).ToList();
        var all = rows.Prepend(header).ToList();
        var widths = Enumerable.Range(0, header.Length).Select(c => all.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        foreach (var row in all)
        {
            sb.Append(string.Join("  ", row.Select((cell, c) => c < 4 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
        }

        var failed = runs.Count(r => r.Failed);
        sb.Append(System.Globalization.CultureInfo.InvariantCulture, $"{runs.Count} run{(runs.Count == 1 ? string.Empty : "s")}, {failed} failed (kept, never averaged in)\n");
        return sb.ToString();
    }
}
