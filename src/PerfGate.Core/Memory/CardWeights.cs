using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// The weights one card holds, by component. <see cref="Small"/> holds the replicated small tensors:
/// RMS norms, biases, MoE routers (and their score-correction bias).
/// </summary>
public sealed record CardWeights
{
    public required int Card { get; init; }
    public required Bytes Embedding { get; init; }
    public required Bytes LmHead { get; init; }
    public required Bytes Attention { get; init; }

    /// <summary>Dense MLPs and shared experts.</summary>
    public required Bytes Mlp { get; init; }

    /// <summary>Routed experts placed on this card.</summary>
    public required Bytes Experts { get; init; }

    public required Bytes Small { get; init; }

    /// <summary>Multi-token-prediction modules (only when speculative decoding is on).</summary>
    public required Bytes Mtp { get; init; }

    /// <summary>Routed experts per MoE layer on this card (0 for dense models).</summary>
    public required int ExpertsPerLayer { get; init; }

    /// <summary>Parameters on this card (elements, whatever their type).</summary>
    public required long Parameters { get; init; }

    public Bytes Total => Embedding + LmHead + Attention + Mlp + Experts + Small + Mtp;
}
