using PerfGate.Catalog;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Memory;

/// <summary>
/// Exact weight bytes per card for a parallel layout. Engine layout assumptions (MindIE ATB, vLLM and SGLang agree):
/// <list type="bullet">
/// <item>Attention: q/o projections split by heads over <c>tp</c> (ceil(heads/tp) per rank); k/v projections hold
/// ceil(max(kv_heads, tp)/tp) heads per rank, so KV heads are <b>replicated</b> when tp &gt; kv_heads; qkv biases follow their weights.</item>
/// <item>MLA: q_a_proj and kv_a_proj_with_mqa (and their norms) are replicated; q_b/kv_b/o are split by heads over <c>tp</c>.</item>
/// <item>Dense MLP and shared experts: column/row parallel over <c>tp</c> (ceil(intermediate/tp)).</item>
/// <item>Routed experts: <c>moe_ep</c> ranks hold ceil or floor of experts/moe_ep (the first experts mod moe_ep ranks hold one more);
/// each expert is split over <c>moe_tp</c>. Card c belongs to EP rank c / moe_tp.</item>
/// <item>Embedding and lm_head: vocab-parallel over <c>tp</c> (ceil(vocab/tp) rows); tied embeddings are stored once.</item>
/// <item>Norms, biases and routers: replicated on every card.</item>
/// <item>Element types: routed experts use <c>weights</c>; other linears the non-expert type; embeddings, lm_head, norms,
/// biases and routers stay in the model's 16-bit type when linears are quantized (w8a8, w4a16). Quantization scales are not counted.</item>
/// </list>
/// Dense layers hold <see cref="ModelSpec.IntermediateSize"/> MLPs, as do the first <see cref="MoeSpec.FirstDenseLayers"/> layers of MoE models.
/// An MTP module (when speculative decoding is on) is one more decoder layer like the last one plus enorm, hnorm, the 2h x h eh_proj and a
/// final norm; it shares the embedding and lm_head. Replicated parts (norms, routers) come from <see cref="ModelParameters"/>;
/// on one card the total equals <see cref="ModelParameters.Total"/> (plus the MTP module when on), which the tests check for every catalog model.
/// </summary>
public static class WeightPlacement
{
    public static IReadOnlyList<CardWeights> Compute(ModelSpec model, MemoryParallelism parallelism, DtypeSettings dtypes, bool withMtp)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(parallelism);
        ArgumentNullException.ThrowIfNull(dtypes);
        var cards = new List<CardWeights>(parallelism.Cards);
        for (var c = 0; c < parallelism.Cards; c++)
        {
            cards.Add(ForCard(model, parallelism, dtypes, withMtp, c));
        }

        return cards;
    }

    /// <summary>Routed experts per MoE layer held by EP rank <paramref name="epRank"/>.</summary>
    public static int ExpertsOnRank(int experts, int ep, int epRank) => experts / ep + (epRank < experts % ep ? 1 : 0);

    private static CardWeights ForCard(ModelSpec m, MemoryParallelism p, DtypeSettings dt, bool withMtp, int card)
    {
        var tp = p.Tp;
        var h = (long)m.HiddenSize;
        var nonExpert = dt.EffectiveNonExpertWeights;
        var floatType = dt.Weights.BytesPerElement() >= 2 ? dt.Weights : dt.Activations;
        var moeTp = p.EffectiveMoeTp;
        var epRank = Math.Min(card / moeTp, Math.Max(0, p.MoeEp - 1));
        var expertsHere = m.Moe is null ? 0 : ExpertsOnRank(m.Moe.RoutedExperts, Math.Max(1, p.MoeEp), epRank);

        var counts = ModelParameters.Compute(m);
        var attn = AttentionLinears(m, tp);
        var attnSmall = AttentionSmall(m, tp);
        var denseMlp = 3 * h * Sharding.CeilDiv(m.IntermediateSize, tp);
        long sharedMlp = 0, experts = 0, router = 0;
        if (m.Moe is { } moe)
        {
            var sharedI = moe.SharedExpertIntermediateSize > 0 ? moe.SharedExpertIntermediateSize : (long)moe.SharedExperts * moe.ExpertIntermediateSize;
            sharedMlp = 3 * h * Sharding.CeilDiv(sharedI, tp);
            experts = expertsHere * 3 * h * Sharding.CeilDiv(moe.ExpertIntermediateSize, moeTp);
            router = counts.RouterPerLayer + (moe.SharedExpertGate ? h : 0);
        }

        var moeLayers = m.Moe is null ? 0 : m.Layers - Math.Min(m.Layers, m.Moe.FirstDenseLayers);
        var denseLayers = m.Layers - moeLayers;
        var layerNorms = counts.LayerNormsPerLayer;

        var attnParams = m.Layers * attn;
        var mlpParams = (denseLayers * denseMlp) + (moeLayers * sharedMlp);
        var expertParams = moeLayers * experts;
        var smallParams = (m.Layers * (attnSmall + layerNorms)) + (moeLayers * router) + counts.FinalNorm;
        var vocabRows = Sharding.CeilDiv(m.VocabSize, tp);
        var embedParams = vocabRows * h;
        var headParams = m.TiedEmbeddings ? 0 : vocabRows * h;

        long mtpLinear = 0, mtpExperts = 0, mtpSmall = 0;
        if (withMtp && m.MtpLayers > 0)
        {
            // One decoder layer shaped like the last layer, plus eh_proj (2h x h, split over tp) and enorm, hnorm, final norm.
            var lastIsMoe = moeLayers > 0;
            mtpLinear = m.MtpLayers * (attn + (lastIsMoe ? sharedMlp : denseMlp) + (2 * h * Sharding.CeilDiv(h, tp)));
            mtpExperts = lastIsMoe ? m.MtpLayers * experts : 0;
            mtpSmall = m.MtpLayers * (attnSmall + layerNorms + (lastIsMoe ? router : 0) + (3 * h));
        }

        return new CardWeights
        {
            Card = card,
            Embedding = new Bytes(Sharding.BytesOf(embedParams, floatType)),
            LmHead = new Bytes(Sharding.BytesOf(headParams, floatType)),
            Attention = new Bytes(Sharding.BytesOf(attnParams, nonExpert)),
            Mlp = new Bytes(Sharding.BytesOf(mlpParams, nonExpert)),
            Experts = new Bytes(Sharding.BytesOf(expertParams, dt.Weights)),
            Small = new Bytes(Sharding.BytesOf(smallParams, floatType)),
            Mtp = new Bytes(Sharding.BytesOf(mtpLinear, nonExpert) + Sharding.BytesOf(mtpExperts, dt.Weights) + Sharding.BytesOf(mtpSmall, floatType)),
            ExpertsPerLayer = expertsHere,
            Parameters = attnParams + mlpParams + expertParams + smallParams + embedParams + headParams + mtpLinear + mtpExperts + mtpSmall,
        };
    }

    /// <summary>Linear weights of one attention block on one rank.</summary>
    private static long AttentionLinears(ModelSpec m, int tp)
    {
        var h = (long)m.HiddenSize;
        var heads = Sharding.CeilDiv(m.AttentionHeads, tp);
        if (m.Mla is { } mla)
        {
            var qkHead = (long)mla.QkNopeHeadDim + mla.QkRopeHeadDim;
            var q = mla.QLoraRank is { } qr
                ? (h * qr) + (qr * heads * qkHead)
                : h * heads * qkHead;
            var kvA = h * (mla.KvLoraRank + mla.QkRopeHeadDim);
            var kvB = mla.KvLoraRank * heads * (mla.QkNopeHeadDim + mla.VHeadDim);
            var o = heads * mla.VHeadDim * h;
            return q + kvA + kvB + o;
        }

        var kvHeads = Sharding.CeilDiv(Math.Max(m.KeyValueHeads, tp), tp);
        return (2 * h * heads * m.HeadDim) + (2 * h * kvHeads * m.HeadDim);
    }

    /// <summary>Norms and biases of one attention block on one rank (qkv biases are split with their weights).</summary>
    private static long AttentionSmall(ModelSpec m, int tp)
    {
        if (m.Mla is { } mla)
        {
            return (mla.QLoraRank ?? 0) + mla.KvLoraRank;
        }

        // Qwen3's q_norm and k_norm act per head, so every rank holds both whole.
        var qkNorms = m.QkNorm ? 2L * m.HeadDim : 0;
        if (!m.QkvBias)
        {
            return qkNorms;
        }

        var heads = Sharding.CeilDiv(m.AttentionHeads, tp);
        var kvHeads = Sharding.CeilDiv(Math.Max(m.KeyValueHeads, tp), tp);
        return ((heads + (2 * kvHeads)) * m.HeadDim) + qkNorms;
    }
}
