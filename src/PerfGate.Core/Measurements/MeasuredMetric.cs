namespace PerfGate.Measurements;

/// <summary>
/// One figure of a run: the canonical metric, the statistic the tool reported ("mean", "median", "p99", ...), the value
/// in the metric's canonical unit (<see cref="MeasuredMetricKindInfo.Unit"/>), and the metric's definition as the
/// tool defines it (tools disagree: GuideLLM's TPOT includes the first token, vLLM's does not).
/// </summary>
public sealed record MeasuredMetric(MeasuredMetricKind Kind, string Statistic, double ValueInCanonicalUnit, string Definition)
{
    public MeasuredMetricKindInfo Info => MeasuredMetricKinds.Of(Kind);

    /// <summary>"ttft.p99": the key a metric is compared, exported and charted under.</summary>
    public string Key => Info.Key + "." + Statistic;
}
