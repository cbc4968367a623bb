using System.Collections.Frozen;
using PerfGate.Gate;

namespace PerfGate.Measurements;

/// <summary>
/// The registration list of canonical metrics. Latencies are stored in the unit the reports print them in most often
/// (request latency in seconds, per-token figures in milliseconds); parsers convert into these units.
/// </summary>
public static class MeasuredMetricKinds
{
    public static IReadOnlyList<MeasuredMetricKindInfo> All { get; } =
    [
        new(MeasuredMetricKind.RequestsPerSecond, "requests_per_second", "req/s", MetricDirection.HigherIsBetter, "Requests per second"),
        new(MeasuredMetricKind.RequestLatency, "request_latency", "s", MetricDirection.LowerIsBetter, "Request latency"),
        new(MeasuredMetricKind.TimeToFirstToken, "ttft", "ms", MetricDirection.LowerIsBetter, "Time to first token"),
        new(MeasuredMetricKind.InterTokenLatency, "itl", "ms", MetricDirection.LowerIsBetter, "Inter-token latency"),
        new(MeasuredMetricKind.TimePerOutputToken, "tpot", "ms", MetricDirection.LowerIsBetter, "Time per output token"),
        new(MeasuredMetricKind.OutputTokensPerSecond, "output_tokens_per_second", "tokens/s", MetricDirection.HigherIsBetter, "Output tokens per second"),
        new(MeasuredMetricKind.OutputTokensPerSecondPerUser, "output_tokens_per_second_per_user", "tokens/s", MetricDirection.HigherIsBetter, "Output tokens per second per user"),
    ];

    // Every measured metric asks for its kind's entry (its key, unit, direction): looked up, not searched for.
    private static readonly FrozenDictionary<MeasuredMetricKind, MeasuredMetricKindInfo> ByKind = All.ToFrozenDictionary(k => k.Kind);

    public static MeasuredMetricKindInfo Of(MeasuredMetricKind kind) =>
        ByKind.TryGetValue(kind, out var info) ? info : throw new ArgumentOutOfRangeException(nameof(kind), kind, "a metric kind without an entry in MeasuredMetricKinds.All");

    public static MeasuredMetricKindInfo? ByKey(string key) => All.FirstOrDefault(k => string.Equals(k.Key, key, StringComparison.Ordinal));
}
