namespace PerfGate.Catalog;

/// <summary>
/// Exact parameter counts from a <see cref="ModelSpec"/>, the way the HuggingFace implementations lay the
/// weights out (Llama, Qwen2, Qwen2-MoE, Qwen3, Qwen3-MoE, DeepSeek-V2/V3): gated MLPs (gate, up, down), RMSNorms
/// with one weight vector, biases only where the architecture has them (Qwen2's q/k/v), Qwen3's q/k norms.
/// </summary>
public static class ModelParameters
{
    /// <exception cref="OverflowException">The counts do not fit in 64 bits (the catalog readers refuse such models).</exception>
    public static ModelParameterBreakdown Compute(ModelSpec m)
    {
        ArgumentNullException.ThrowIfNull(m);

        // Every scenario that deploys a catalog model asks for its counts, more than once (its figures, each card's
        // weights): they are counted once per model record (records are immutable; a model that overflows is not kept).
        return Counts.GetValue(m, static m =>
        {
            var breakdown = Counted(m);
            _ = (breakdown.Total, breakdown.NonExpert, breakdown.Components); // every derived sum, checked
            return breakdown;
        });
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<ModelSpec, ModelParameterBreakdown> Counts = [];

    /// <summary>True when <see cref="Compute"/> can count the model in 64 bits.</summary>
    public static bool TryCompute(ModelSpec m, out ModelParameterBreakdown? breakdown)
    {
        try
        {
            breakdown = Compute(m);
            return breakdown.Total > 0;
        }
        catch (OverflowException)
        {
            breakdown = null;
            return false;
        }
    }

    private static ModelParameterBreakdown Counted(ModelSpec m)
    {
        checked
        {
            long h = m.HiddenSize;
            var moe = m.Moe;
            var moeLayers = moe is null ? 0 : m.Layers - moe.FirstDenseLayers;
            var denseLayers = m.Layers - moeLayers;
            var perExpert = moe is null ? 0 : GatedMlp(h, moe.ExpertIntermediateSize);
            var routed = moe is null ? 0 : moe.RoutedExperts * perExpert;
            var shared = moe is null ? 0 : SharedExperts(h, moe);
            var router = moe is null ? 0 : (h * moe.RoutedExperts) + (moe.RouterBias ? moe.RoutedExperts : 0);
            var attention = Attention(m);
            var norms = 2 * h;
            var moeLayer = attention + norms + routed + shared + router;

            // One token reaches ExpertsPerToken of the routed experts in each MoE layer.
            var idle = moe is null ? 0 : (long)moeLayers * (moe.RoutedExperts - moe.ExpertsPerToken) * perExpert;

            // DeepSeek-V3's MTP module: enorm + hnorm, eh_proj (2h -> h), one MoE transformer layer, and the
            // shared head's norm; the embedding and output head are the main model's.
            var mtp = m.MtpLayers == 0 ? 0 : (3 * h) + (2 * h * h) + (moe is null ? attention + norms + GatedMlp(h, m.IntermediateSize) : moeLayer);

            var breakdown = new ModelParameterBreakdown
            {
                Embedding = (long)m.VocabSize * h,
                LmHead = m.TiedEmbeddings ? 0 : (long)m.VocabSize * h,
                FinalNorm = h,
                AttentionPerLayer = attention,
                LayerNormsPerLayer = norms,
                DenseMlpPerLayer = GatedMlp(h, m.IntermediateSize),
                DenseLayers = denseLayers,
                MoeLayers = moeLayers,
                ParametersPerExpert = perExpert,
                RoutedExpertsPerLayer = routed,
                SharedExpertsPerLayer = shared,
                RouterPerLayer = router,
                MtpParametersPerModule = mtp,
                ActivatedPerToken = 0,
            };
            return breakdown with { ActivatedPerToken = breakdown.Total - idle };
        }
    }

    /// <summary>Total parameters (no MTP module).</summary>
    public static long Total(ModelSpec m) => Compute(m).Total;

    /// <summary>One layer's attention block, with biases and MLA's internal norms.</summary>
    public static long Attention(ModelSpec m)
    {
        checked
        {
            long h = m.HiddenSize;
            long heads = m.AttentionHeads;
            if (m.Mla is { } mla)
            {
                long qkHead = mla.QkNopeHeadDim + mla.QkRopeHeadDim;
                var q = mla.QLoraRank is { } qr
                    ? (h * qr) + qr + (qr * heads * qkHead) // q_a_proj, q_a_layernorm, q_b_proj
                    : h * heads * qkHead;                   // q_proj
                var kvA = h * (mla.KvLoraRank + mla.QkRopeHeadDim);                   // kv_a_proj_with_mqa
                var kvNorm = (long)mla.KvLoraRank;                                     // kv_a_layernorm
                var kvB = (long)mla.KvLoraRank * heads * (mla.QkNopeHeadDim + mla.VHeadDim); // kv_b_proj
                var o = heads * mla.VHeadDim * h;                                      // o_proj
                return q + kvA + kvNorm + kvB + o;
            }

            long qDim = heads * m.HeadDim;
            long kvDim = (long)m.KeyValueHeads * m.HeadDim;
            var weights = (h * qDim) + (2 * h * kvDim) + (qDim * h);
            var biases = m.QkvBias ? qDim + (2 * kvDim) : 0;
            var qkNorms = m.QkNorm ? 2L * m.HeadDim : 0; // q_norm, k_norm: one head_dim vector each
            return weights + biases + qkNorms;
        }
    }

    /// <summary>gate_proj, up_proj and down_proj: 3 x hidden x intermediate.</summary>
    public static long GatedMlp(long hidden, long intermediate) => checked(3 * hidden * intermediate);

    private static long SharedExperts(long h, MoeSpec moe)
    {
        if (moe.SharedExperts == 0)
        {
            return 0;
        }

        var mlp = moe.SharedExpertIntermediateSize > 0
            ? GatedMlp(h, moe.SharedExpertIntermediateSize)
            : checked(moe.SharedExperts * GatedMlp(h, moe.ExpertIntermediateSize));
        return checked(mlp + (moe.SharedExpertGate ? h : 0));
    }
}
