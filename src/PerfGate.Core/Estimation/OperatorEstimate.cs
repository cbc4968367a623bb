using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>
/// One operator of the decode step on one card, for one layer (or once per step for
/// <see cref="OperatorScope.Model"/>). <see cref="Time"/> is per instance; it runs <see cref="Instances"/>
/// times per step. Bytes count what moves through HBM (weights touched, activations, KV cache) or over the
/// wire for communication; <see cref="WeightBytes"/> is the part of them that is weights;
/// <see cref="ResidentWeightBytes"/> the weights held on the card (all local experts, not only those hit).
/// </summary>
public readonly record struct OperatorEstimate(
    string Name,
    OperatorKind Kind,
    OperatorScope Scope,
    MicroBatchStage Stage,
    int Instances,
    long M,
    long N,
    long K,
    double Flops,
    double Bytes,
    double WeightBytes,
    double ResidentWeightBytes,
    Duration Time,
    Bound Bound,
    EfficiencyOrigin Origin,
    double Efficiency)
{
    /// <summary>This operator's share of a step: <see cref="Time"/> x <see cref="Instances"/>.</summary>
    public Duration TimePerStep => Time * Instances;
}
