using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>One card's memory: the components, their sum, the capacity, what is left, and the verdict for this card.</summary>
public sealed record CardBudget
{
    public required int Card { get; init; }
    public required CardWeights Weights { get; init; }
    public required Bytes KvCache { get; init; }
    public required Bytes Runtime { get; init; }
    public required Bytes Communication { get; init; }
    public required Bytes System { get; init; }
    public required Bytes Capacity { get; init; }

    /// <summary>KV bytes this card's own arithmetic allows (before the engine takes the minimum over ranks); may be negative.</summary>
    public required Bytes KvAvailable { get; init; }

    public required MemoryVerdict Verdict { get; init; }

    public Bytes WeightsTotal => Weights.Total;

    public Bytes Total => Weights.Total + KvCache + Runtime + Communication + System;

    /// <summary>Capacity minus total; negative when over.</summary>
    public Bytes Free => Capacity - Total;
}
