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
    /// <remarks>
    /// One string per metric and statistic for the whole run: every accuracy row of every scenario holds its key to the
    /// end of a check, and the keys come from a handful of metrics and statistics (a statistic no tool reports twice is
    /// still built once).
    /// </remarks>
    public string Key => Keys.GetOrAdd((Kind, Statistic), static k => MeasuredMetricKinds.Of(k.Kind).Key + "." + k.Statistic);

    private static readonly Threading.BoundedMemo<(MeasuredMetricKind Kind, string Statistic), string> Keys = new(4096);
}
