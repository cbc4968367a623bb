using PerfGate.Diagnostics;

namespace PerfGate.Measurements;

/// <summary>
/// One benchmark run, normalised: where it was read (file and line), the format, the label the report gave it, the
/// system, the load and the metrics. <paramref name="Failed"/> marks a run the tool recorded but that produced nothing
/// (seed 001's rows of zeros, a run whose every request errored): it is kept and shown, never averaged in or compared.
/// </summary>
public sealed record MeasuredRun(
    SourceLocation Source,
    string Format,
    string Label,
    MeasuredSystem System,
    MeasuredWorkload Workload,
    IReadOnlyList<MeasuredMetric> Metrics,
    bool Failed)
{
    public MeasuredMetric? Metric(MeasuredMetricKind kind, string statistic)
    {
        // An indexed loop, not FirstOrDefault with a lambda: the accuracy table asks every run for several figures, and
        // the lambda's closure and the list's enumerator would be allocated per question.
        for (var i = 0; i < Metrics.Count; i++)
        {
            var m = Metrics[i];
            if (m.Kind == kind && string.Equals(m.Statistic, statistic, StringComparison.Ordinal))
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>The metric's central value: the mean where given, else the median (p50).</summary>
    public MeasuredMetric? Central(MeasuredMetricKind kind) =>
        Metric(kind, "mean") ?? Metric(kind, "median") ?? Metric(kind, "p50");
}
