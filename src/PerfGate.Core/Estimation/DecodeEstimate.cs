using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>
/// The result of one decode-step estimate. <see cref="StepTime"/> is one forward step of the whole model
/// (all micro-batches); each step yields <see cref="AcceptedTokensPerStep"/> + 1 tokens per sequence.
/// <see cref="Operators"/> lists each operator once per scope with its per-instance time; for the dual
/// micro-batch pipeline the MoE-layer operators are those of one micro-batch.
/// </summary>
public sealed record DecodeEstimate(
    DecodeRequest Request,
    IReadOnlyList<OperatorEstimate> Operators,
    Duration StepTime,
    Duration MoeLayerTime,
    Duration DenseLayerTime,
    int MicroBatches,
    double AcceptedTokensPerStep,
    DecodeMemory Memory)
{
    /// <summary>Steps per second for one sequence (seed 002's raw token per second).</summary>
    public double RawTokensPerSecond => 1.0 / StepTime.Seconds;

    /// <summary>Tokens a user sees per second: raw x (1 + accepted speculative tokens).</summary>
    public double UserTokensPerSecond => RawTokensPerSecond * (1 + AcceptedTokensPerStep);

    /// <summary>Tokens per second per card: UX TPS x batch per DP rank / TP.</summary>
    public double ThroughputPerCard => UserTokensPerSecond * Request.Batch / Request.Parallelism.Tp;

    public bool Fits => Memory.Fits(Request.Batch);

    /// <summary>Per-step time by operator, largest first.</summary>
    public IReadOnlyList<BreakdownEntry> Breakdown() => BreakdownEntry.From(this);
}
