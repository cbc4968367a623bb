namespace PerfGate.Gate;

/// <summary>
/// Metric keys that reports chart. The evaluator writes them; the Markdown report draws old vs new
/// throughput per card and the per-card memory stack (every numeric <c>memory.stack.*</c> metric in GiB,
/// against <c>memory.capacity</c>).
/// </summary>
public static class WellKnownMetrics
{
    public const string ThroughputPerCard = "decode.throughput_per_card";
    public const string MemoryStackPrefix = "memory.stack.";
    public const string MemoryCapacity = "memory.capacity";
}
