using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// Runtime (workspace) memory per card: what the warm-up at the configured maxima leaves resident besides weights, KV and
/// communication buffers. An estimate, not an engine formula (no engine publishes one):
/// <code>
/// activations = maxPrefillTokens * actBytes * (2 * hidden + max(attention stage, MLP stage))
///   attention stage (GQA) = (heads_r + 2 * kv_r) * head_dim + heads_r * head_dim
///   attention stage (MLA) = heads_r * (nope + rope) + heads_r * (nope + v) + heads_r * v + kv_lora + rope
///   MLP stage (dense)     = 3 * ceil(intermediate / tp)                   (gate+up output, activation output)
///   MLP stage (MoE)       = top_k * 3 * ceil(expert_intermediate / moe_tp) + 3 * ceil(shared / tp) + experts (router logits)
/// sampling    = max(maxBatchSize, maxPrefillBatchSize) * vocab * 4 B * 2   (fp32 logits gathered over the vocab, and probabilities)
/// </code>
/// The two hidden-size terms are the residual stream and the normalized input that live across a layer.
/// Seed 003 shows what this leaves out (about 1 GiB on QwQ-32B: ATB operator workspace beyond activations, allocator fragmentation);
/// see README.md in this folder.
/// </summary>
public sealed record RuntimeMemory(Bytes Activations, Bytes Sampling)
{
    public Bytes Total => Activations + Sampling;

    public static RuntimeMemory Estimate(ModelSpec model, MemoryParallelism parallelism, DataType activations, int maxPrefillTokens, int maxBatchSize, int maxPrefillBatchSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parallelism);
        var perToken = (2L * model.HiddenSize) + Math.Max(AttentionStage(model, parallelism.Tp), MlpStage(model, parallelism));
        var act = Sharding.BytesOf(Math.Max(0, maxPrefillTokens) * perToken, activations);
        var rows = (long)Math.Max(Math.Max(maxBatchSize, maxPrefillBatchSize), 1);
        var sampling = rows * model.VocabSize * 4L * 2L;
        return new RuntimeMemory(new Bytes(act), new Bytes(sampling));
    }

    private static long AttentionStage(ModelSpec m, int tp)
    {
        var heads = Sharding.CeilDiv(m.AttentionHeads, tp);
        if (m.Mla is { } mla)
        {
            return (heads * (mla.QkNopeHeadDim + mla.QkRopeHeadDim)) + (heads * (mla.QkNopeHeadDim + mla.VHeadDim)) + (heads * mla.VHeadDim) + mla.KvLoraRank + mla.QkRopeHeadDim;
        }

        var kv = Sharding.CeilDiv(Math.Max(m.KeyValueHeads, tp), tp);
        return ((heads + (2 * kv)) * m.HeadDim) + (heads * m.HeadDim);
    }

    private static long MlpStage(ModelSpec m, MemoryParallelism p)
    {
        var dense = 3 * Sharding.CeilDiv(m.IntermediateSize, p.Tp);
        if (m.Moe is not { } moe)
        {
            return dense;
        }

        var sharedI = moe.SharedExpertIntermediateSize > 0 ? moe.SharedExpertIntermediateSize : (long)moe.SharedExperts * moe.ExpertIntermediateSize;
        var moeStage = (moe.ExpertsPerToken * 3 * Sharding.CeilDiv(moe.ExpertIntermediateSize, p.EffectiveMoeTp)) + (3 * Sharding.CeilDiv(sharedI, p.Tp)) + moe.RoutedExperts;
        return Math.Max(dense, moeStage);
    }
}
