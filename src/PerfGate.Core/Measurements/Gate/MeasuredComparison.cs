namespace PerfGate.Measurements.Gate;

/// <summary>The measured gate's result: every metric compared, and the failed runs left out of it on each side.</summary>
public sealed record MeasuredComparison(IReadOnlyList<MetricComparison> Metrics, IReadOnlyList<MeasuredRun> FailedRuns, MeasuredGateOptions Options)
{
    public bool HasRegression => Metrics.Any(m => m.Verdict == MeasuredVerdict.Regression);
}
