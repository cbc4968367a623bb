using PerfGate.Scenarios;

namespace PerfGate.Memory;

/// <summary>
/// How one model instance is spread over its cards, in MindIE's terms: attention <c>tp</c> x <c>dp</c> = <c>worldSize</c>;
/// the MoE layers use <c>moe_tp</c> x <c>moe_ep</c> = <c>worldSize</c>.
/// </summary>
public sealed record MemoryParallelism(int Cards, int Tp, int Dp = 1, int MoeTp = 0, int MoeEp = 1)
{
    /// <summary>MoE tensor-parallel degree; 0 means <c>Cards / MoeEp</c>.</summary>
    public int EffectiveMoeTp => MoeTp > 0 ? MoeTp : Math.Max(1, Cards / Math.Max(1, MoeEp));

    /// <summary>Tensor parallel over all cards of the instance.</summary>
    public static MemoryParallelism TensorParallel(int cards) => new(cards, cards);

    /// <summary>From a scenario's <c>parallelism:</c> (tp, ep, dp) and card count.</summary>
    public static MemoryParallelism From(Parallelism parallelism, int cards)
    {
        ArgumentNullException.ThrowIfNull(parallelism);
        return new MemoryParallelism(cards, parallelism.Tp, parallelism.Dp, 0, parallelism.Ep);
    }
}
