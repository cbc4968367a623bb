namespace PerfGate.Estimation;

/// <summary>
/// Stage of a MoE layer in the dual micro-batch pipeline: while one micro-batch computes
/// <see cref="Attention"/> the other's <see cref="Dispatch"/> is on the wire, and while one computes
/// <see cref="Experts"/> the other's <see cref="Combine"/> is.
/// </summary>
public enum MicroBatchStage
{
    Attention,
    Dispatch,
    Experts,
    Combine,
}
