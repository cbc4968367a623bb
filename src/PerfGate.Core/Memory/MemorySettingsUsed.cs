using PerfGate.Memory.Engines;

namespace PerfGate.Memory;

/// <summary>The settings the budget was computed with, after engine defaults (maxInputTokenLen is the effective one: min(maxInputTokenLen, maxSeqLen - 1)).</summary>
public sealed record MemorySettingsUsed
{
    public required IEngineConvention Engine { get; init; }

    /// <summary>npuMemSize in GiB, or null when the KV size follows the memory fraction.</summary>
    public required int? NpuMemSizeGiB { get; init; }

    public required double MemoryFraction { get; init; }
    public required int CacheBlockSize { get; init; }
    public required int MaxSeqLen { get; init; }
    public required int MaxInputTokenLen { get; init; }
    public required int MaxIterTimes { get; init; }
    public required int MaxPrefillTokens { get; init; }
    public required int MaxPrefillBatchSize { get; init; }
    public required int MaxBatchSize { get; init; }
    public required int SpeculativeTokens { get; init; }
}
