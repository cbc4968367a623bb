using PerfGate.Catalog;
using PerfGate.Prefill;

namespace PerfGate.Scenarios;

/// <summary>
/// A scenario's <c>prefill:</c> section: time to first token for every prompt length x concurrency, with an
/// optional prefix hit served from a storage tier (<see cref="PrefixTier"/>, a <c>kind: storage</c> id).
/// </summary>
public sealed record PrefillSettings
{
    public IReadOnlyList<int> Prompts { get; init; } = [];

    public IReadOnlyList<int> Concurrency { get; init; } = [1];

    public int? Chunk { get; init; }

    public int TokenBudget { get; init; } = PrefillRequest.DefaultTokenBudget;

    public double PrefixHit { get; init; }

    public string? PrefixTier { get; init; }

    public KvLoadOverlap Overlap { get; init; } = KvLoadOverlap.Serial;

    public int OutputTokens { get; init; }

    public EfficiencySource? Efficiency { get; init; }
}
