using PerfGate.Quantities;

namespace PerfGate.Estimation.Implementations;

/// <summary>
/// How an implementation launches a decoder layer's small kernels: which element-wise steps it fuses, read from
/// its model code (<see cref="Source"/> cites the files). The GEMMs, attention core and collectives are the same
/// kernels everywhere; what differs is how many small kernels sit between them, and each costs the hardware's
/// fixed per-kernel part (README, "Per-kernel cost").
/// </summary>
public sealed record ImplementationProfile
{
    /// <summary>Stable id used in scenarios (<c>decode.implementation</c>), snapshots and the CLI.</summary>
    public required string Id { get; init; }

    /// <summary>The model code this profile was read from, with what it fuses.</summary>
    public required string Source { get; init; }

    /// <summary>The residual add is fused into the following RMSNorm (one kernel: add + norm).</summary>
    public bool FusedAddNorm { get; init; }

    /// <summary>One rotary kernel rotates q and k together (otherwise one kernel each).</summary>
    public bool FusedRope { get; init; }

    /// <summary>One kernel writes K and V to the cache (otherwise one each).</summary>
    public bool FusedCacheWrite { get; init; }

    /// <summary>Rotary embedding and the cache write are one pre-attention kernel (TensorRT-LLM's attention preprocessing).</summary>
    public bool RopeInCacheWrite { get; init; }

    /// <summary>SiLU and the gate x up product are one kernel (otherwise activation, then multiply).</summary>
    public bool FusedActivationMul { get; init; }

    /// <summary>A projection bias is added by its own kernel after the GEMM (otherwise in the GEMM's epilogue).</summary>
    public bool SeparateBiasAdd { get; init; }

    /// <summary>
    /// Host time per step outside the GPU's work (scheduling, sampling bookkeeping); zero unless a published figure
    /// gives one. A scenario may set its own (<c>decode.hostOverhead</c>).
    /// </summary>
    public Duration HostOverhead { get; init; }
}
