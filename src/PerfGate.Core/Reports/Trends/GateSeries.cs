using PerfGate.Gate;
using PerfGate.Measurements.Output;

namespace PerfGate.Reports.Trends;

/// <summary>
/// The gate's current figures as chart series (<see cref="BenchmarkSeries"/>): one benchmark per scenario (its id), one
/// measure per numeric metric of its <c>[metrics]</c> section (key, unit, direction), in the snapshot's order (scenarios
/// by id, metrics by key). Table cells (decode breakdown, search, accuracy rows) are left to the JSON report: a chart
/// per cell would bury the headline figures. The <c>extra</c> line names the baseline's value, so a chart's tooltip
/// says what the gate compared against. Removed scenarios have no current figure and are left out.
/// </summary>
public static class GateSeries
{
    public static IReadOnlyList<BenchmarkSeries> Of(GateResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = new List<BenchmarkSeries>();
        foreach (var s in result.Scenarios.Where(s => s.Current is not null))
        {
            foreach (var m in s.Current!.Metrics.Where(m => m.Value.IsNumber && double.IsFinite(m.Value.Number)))
            {
                var extra = "PerfGate estimate; baseline " + (s.Baseline?.FindMetric(m.Key) is { } baseline
                    ? ReportFormat.Value(baseline.Value, baseline.Unit, System.Globalization.CultureInfo.InvariantCulture)
                    : (s.Status == ScenarioStatus.New ? "none (new scenario)" : "none (new figure)"));
                series.Add(new BenchmarkSeries(s.ScenarioId, m.Key, m.Unit, m.Direction, [m.Value.Number], extra));
            }
        }

        return series;
    }
}
