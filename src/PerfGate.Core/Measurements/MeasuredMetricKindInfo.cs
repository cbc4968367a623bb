using PerfGate.Gate;

namespace PerfGate.Measurements;

/// <summary>One canonical metric: its short key ("ttft"), the unit every value is converted to, which way is better, and a name for people.</summary>
public sealed record MeasuredMetricKindInfo(MeasuredMetricKind Kind, string Key, string Unit, MetricDirection Direction, string Title);
