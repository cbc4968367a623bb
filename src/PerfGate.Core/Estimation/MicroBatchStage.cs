namespace PerfGate.Estimation;

/// <summary>
/// Stage of a MoE layer in the dual micro-batch pipeline (seed 002's split of DeepSeek's EP144 overlap, as
/// reconstructed in the Estimation README): while one micro-batch computes <see cref="AttentionProjections"/>
/// the other's <see cref="Dispatch"/> is on the wire, while it computes <see cref="AttentionCore"/> the
/// other's <see cref="Combine"/> is; the <see cref="Experts"/> (shared and routed) are not overlapped.
/// </summary>
public enum MicroBatchStage : byte
{
    /// <summary>Norm and the projections up to the attention core (MLA: q/kv down and up, q absorb).</summary>
    AttentionProjections,

    /// <summary>Attention core, output projection, residual, router.</summary>
    AttentionCore,

    Dispatch,
    Experts,
    Combine,
}
