using System.Globalization;

namespace PerfGate.Measurements.Output;

/// <summary>
/// The name a run is charted under elsewhere: the system as far as known and the load point,
/// "vLLM qwen2-72b a100-80g x4 / asynchronous@2.6". Runs with the same name are repeats.
/// </summary>
public static class BenchmarkNames
{
    /// <summary>The statistics exported for charting (every statistic would be a dozen charts per metric).</summary>
    public static IReadOnlyList<string> ExportedStatistics { get; } = ["mean", "median", "p50", "p90", "p95", "p99"];

    public static string Of(MeasuredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var system = System(run.System);
        return system.Length == 0 ? run.Workload.Label : $"{system} / {run.Workload.Label}";
    }

    /// <summary>"vLLM qwen2-72b a100-80g x4 tp4": the fields that are known, in that order; empty when none is.</summary>
    public static string System(MeasuredSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var parts = new[] { system.Engine, system.Model, system.Hardware, system.Cards is { } c ? "x" + c.ToString(CultureInfo.InvariantCulture) : null, system.Parallelism }
            .Where(p => !string.IsNullOrEmpty(p));
        return string.Join(' ', parts);
    }

    /// <summary>Every (name, metric) pair of the non-failed runs with its values across repeats, sorted by name then metric.</summary>
    public static IReadOnlyList<BenchmarkSeries> Series(IReadOnlyList<MeasuredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs.Where(r => !r.Failed)
            .SelectMany(r => r.Metrics.Where(m => ExportedStatistics.Contains(m.Statistic)).Select(m => (Name: Of(r), Metric: m)))
            .GroupBy(x => (x.Name, x.Metric.Key))
            .OrderBy(g => g.Key.Name, StringComparer.Ordinal).ThenBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var info = g.First().Metric.Info;
                var values = g.Select(x => x.Metric.ValueInCanonicalUnit).ToList();
                var extra = string.Create(CultureInfo.InvariantCulture, $"{values.Count} run{(values.Count == 1 ? string.Empty : "s")}; {info.Title}");
                return new BenchmarkSeries(g.Key.Name, g.Key.Key, info.Unit, info.Direction, values, extra);
            })
            .ToList();
    }
}
