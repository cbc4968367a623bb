using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// The memory budget of one model instance: per card components, the KV layout and block count, how many requests the blocks
/// hold, the recommended npuMemSize, a verdict and the findings. When <see cref="Verdict"/> is
/// <see cref="MemoryVerdict.InvalidConfig"/> nothing was computed and only <see cref="Diagnostics"/> is meaningful.
/// </summary>
public sealed record MemoryBudget
{
    public required MemorySettingsUsed Settings { get; init; }
    public required IReadOnlyList<CardBudget> PerCard { get; init; }
    public KvCacheLayout? Kv { get; init; }
    public RuntimeMemory? Runtime { get; init; }
    public IReadOnlyList<CommunicationGroup> CommunicationGroups { get; init; } = [];

    /// <summary>num_npu_blocks: KV blocks allocated per card (the minimum over the cards).</summary>
    public long KvBlocks { get; init; }

    /// <summary>Blocks the scheduler can hand out: KvBlocks minus the engine's reserved block(s).</summary>
    public long UsableKvBlocks { get; init; }

    /// <summary>Worst-case blocks of one request: ceil(maxInputTokenLen/bs) + ceil(min(maxIterTimes, maxSeqLen - maxInputTokenLen)/bs).</summary>
    public int BlocksPerRequest { get; init; }

    /// <summary>UsableKvBlocks / BlocksPerRequest: the largest maxBatchSize that never waits for KV blocks.</summary>
    public long SafeMaxBatchSize { get; init; }

    /// <summary>Blocks of one typical request (the given input/output tokens), or null when none was given.</summary>
    public int? TypicalBlocksPerRequest { get; init; }

    /// <summary>Typical requests the blocks hold at once, or null.</summary>
    public long? TypicalConcurrency { get; init; }

    public RecommendedNpuMemSize? RecommendedNpuMemSizeGiB { get; init; }
    public required MemoryVerdict Verdict { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>The card with the least room left (the one the verdict is about).</summary>
    public CardBudget? TightestCard => PerCard.Count == 0 ? null : PerCard.MinBy(c => c.Free.Value);

    public Bytes KvBytesPerBlock => Kv?.BytesPerBlock ?? Bytes.Zero;
}
