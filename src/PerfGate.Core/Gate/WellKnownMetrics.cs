namespace PerfGate.Gate;

/// <summary>
/// Metric keys that reports chart. The evaluator writes them; the Markdown report draws old vs new
/// throughput per card and the per-card memory stack (every numeric <c>memory.stack.*</c> metric in GiB,
/// against <c>memory.capacity</c>); the HTML report also draws the decode breakdown's time per operator.
/// </summary>
public static class WellKnownMetrics
{
    public const string ThroughputPerCard = "decode.throughput_per_card";
    public const string MemoryStackPrefix = "memory.stack.";
    public const string MemoryCapacity = "memory.capacity";

    /// <summary>The decode estimate's per-operator table (the HTML report draws its <see cref="DecodeBreakdownTime"/> column, baseline vs now).</summary>
    public const string DecodeBreakdown = "decode.breakdown";
    public const string DecodeBreakdownTime = "time";
}
