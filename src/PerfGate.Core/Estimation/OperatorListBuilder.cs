using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>
/// Builds the operators of a decode step on one card from the architecture (internal). Tokens per DP rank
/// T = batch x (1 + MTP); every TP rank of a DP rank sees all T tokens; heads, MLP and vocabulary are split
/// over TP; experts over EP (each expert sliced over cards / EP).
/// </summary>
internal static class OperatorListBuilder
{
    /// <summary>Operators of one attention block (GQA/MHA or MLA) plus the norms around it.</summary>
    /// <remarks><paramref name="gemmQueryLength"/> is the query length the projections see: normally
    /// <paramref name="queryLength"/>; 1 in the seed's naive mode (see README).</remarks>
    public static void Attention(OpBuffer ops, ModelGeometry g, OperatorScope scope, int instances, int batch, int queryLength, int gemmQueryLength, int context, bool fp8AttentionCompute)
    {
        long t = (long)batch * queryLength;
        long tg = (long)batch * gemmQueryLength;
        var h = g.Hidden;
        // With fused add + norm this kernel also adds the previous layer's residual (reads both, writes both).
        Elementwise(ops, "attn_norm", scope, instances, t * h * g.ActBytes * (g.Profile.FusedAddNorm ? 4 : 2), h * g.NonExpertBytes);
        if (g.Mla is { } mla)
        {
            var qk = mla.QkNopeHeadDim + mla.QkRopeHeadDim;
            if (mla.QLoraRank is { } qr)
            {
                Gemm(ops, g, "q_a_proj", scope, instances, tg, qr, h);
                Elementwise(ops, "q_a_norm", scope, instances, t * qr * g.ActBytes * 2, qr * g.NonExpertBytes);
                Gemm(ops, g, "q_b_proj", scope, instances, tg, (long)g.QueryHeads * qk, qr);
            }
            else
            {
                Gemm(ops, g, "q_proj", scope, instances, tg, (long)g.QueryHeads * qk, h);
            }

            Gemm(ops, g, "kv_a_proj", scope, instances, tg, mla.KvLoraRank + mla.QkRopeHeadDim, h);
            Elementwise(ops, "kv_a_norm", scope, instances, t * mla.KvLoraRank * g.ActBytes * 2, mla.KvLoraRank * g.NonExpertBytes);
            Elementwise(ops, "rope", scope, instances, t * (g.QueryHeads + 1L) * mla.QkRopeHeadDim * g.ActBytes * 2, 0);
            Gemm(ops, g, "q_absorb", scope, instances, tg, mla.KvLoraRank, mla.QkNopeHeadDim, groups: g.QueryHeads);
            Elementwise(ops, "kv_cache_write", scope, instances, t * (double)mla.CachedElementsPerToken * (g.ActBytes + g.KvBytes), 0);
            var core = ops.Count;
            ref var a = ref ops.Add();
            a.Name = "mla_attention";
            a.Kind = OperatorKind.Attention;
            a.Scope = scope;
            a.Instances = instances;
            a.Batch = batch;
            a.QueryLength = queryLength;
            a.QueryHeads = g.QueryHeads;
            a.KvHeads = 1;
            a.HeadDim = mla.CachedElementsPerToken;
            a.Context = context;
            a.KvElementBytes = g.KvBytes;
            a.Mla = true;
            a.ComputeType = fp8AttentionCompute ? DataType.Fp8 : DataType.Bf16;
            var rows = (double)t * g.QueryHeads * context;
            a.Flops = 2 * rows * (mla.CachedElementsPerToken + mla.KvLoraRank);
            a.Bytes = ((double)batch * context * mla.CachedElementsPerToken * g.KvBytes) + (t * (double)g.QueryHeads * (mla.CachedElementsPerToken + mla.KvLoraRank) * g.ActBytes);
            Gemm(ops, g, "v_absorb", scope, instances, tg, mla.VHeadDim, mla.KvLoraRank, groups: g.QueryHeads);
            Gemm(ops, g, "o_proj", scope, instances, tg, h, (long)g.QueryHeads * mla.VHeadDim);
            MarkFrom(ops, core, MicroBatchStage.AttentionCore);
        }
        else
        {
            var d = g.HeadDim;
            var p = g.Profile;
            var qkvN = (long)(g.QueryHeads + (2 * g.KvHeads)) * d;
            Gemm(ops, g, "qkv_proj", scope, instances, tg, qkvN, h, bias: g.QkvBias);
            if (g.QkvBias && p.SeparateBiasAdd)
            {
                Elementwise(ops, "qkv_bias_add", scope, instances, t * (double)qkvN * g.ActBytes * 2, 0);
            }

            if (g.QkNorm)
            {
                // RMSNorm over each query and key head: read and write every q/k element, two head_dim weight vectors.
                Elementwise(ops, "qk_norm", scope, instances, t * (double)(g.QueryHeads + g.KvHeads) * d * g.ActBytes * 2, 2L * d * g.NonExpertBytes);
            }

            // Kernels per the implementation profile: rope on q and k together or apart, K and V written together
            // or apart, or (TensorRT-LLM) rope folded into the cache write.
            var ropeBytes = t * (double)(g.QueryHeads + g.KvHeads) * d * g.ActBytes * 2;
            var cacheBytes = t * 2.0 * g.KvHeads * d * (g.ActBytes + g.KvBytes);
            if (p.RopeInCacheWrite)
            {
                Elementwise(ops, "rope_kv_cache_write", scope, instances, ropeBytes + cacheBytes, 0);
            }
            else
            {
                if (p.FusedRope)
                {
                    Elementwise(ops, "rope", scope, instances, ropeBytes, 0);
                }
                else
                {
                    Elementwise(ops, "rope_q", scope, instances, t * (double)g.QueryHeads * d * g.ActBytes * 2, 0);
                    Elementwise(ops, "rope_k", scope, instances, t * (double)g.KvHeads * d * g.ActBytes * 2, 0);
                }

                if (p.FusedCacheWrite)
                {
                    Elementwise(ops, "kv_cache_write", scope, instances, cacheBytes, 0);
                }
                else
                {
                    Elementwise(ops, "k_cache_write", scope, instances, cacheBytes / 2, 0);
                    Elementwise(ops, "v_cache_write", scope, instances, cacheBytes / 2, 0);
                }
            }
            var core = ops.Count;
            ref var a = ref ops.Add();
            a.Name = "attention";
            a.Kind = OperatorKind.Attention;
            a.Scope = scope;
            a.Instances = instances;
            a.Batch = batch;
            a.QueryLength = queryLength;
            a.QueryHeads = g.QueryHeads;
            a.KvHeads = g.KvHeads;
            a.HeadDim = d;
            a.Context = context;
            a.KvElementBytes = g.KvBytes;
            a.ComputeType = DataType.Bf16;
            a.Flops = 4.0 * t * g.QueryHeads * context * d;
            a.Bytes = ((double)batch * context * 2 * g.KvHeads * d * g.KvBytes) + (t * 2.0 * g.QueryHeads * d * g.ActBytes);
            Gemm(ops, g, "o_proj", scope, instances, tg, h, (long)g.QueryHeads * d);
            MarkFrom(ops, core, MicroBatchStage.AttentionCore);
        }

        var tail = ops.Count;
        AllReduce(ops, g, "attn_all_reduce", scope, instances, t);
        if (g.Profile.FusedAddNorm)
        {
            // One kernel adds the residual and normalises (reads x and the residual, writes both).
            Elementwise(ops, "ffn_add_norm", scope, instances, t * h * g.ActBytes * 4, h * g.NonExpertBytes);
        }
        else
        {
            Elementwise(ops, "attn_residual_add", scope, instances, t * h * g.ActBytes * 3, 0);
            Elementwise(ops, "ffn_norm", scope, instances, t * h * g.ActBytes * 2, h * g.NonExpertBytes);
        }
        MarkFrom(ops, tail, MicroBatchStage.AttentionCore);
    }

    private static void MarkFrom(OpBuffer ops, int first, MicroBatchStage stage)
    {
        for (var i = first; i < ops.Count; i++)
        {
            ops[i].Stage = stage;
        }
    }

    /// <summary>A dense gated MLP (SwiGLU) split over TP.</summary>
    public static void DenseMlp(OpBuffer ops, ModelGeometry g, OperatorScope scope, int instances, long tokens)
    {
        Gemm(ops, g, "gate_up_proj", scope, instances, tokens, 2L * g.DenseIntermediate, g.Hidden, deepGemm: true, up: true);
        Activation(ops, g, "mlp_act", "mlp_mul", scope, instances, tokens, g.DenseIntermediate, MicroBatchStage.AttentionProjections);
        Gemm(ops, g, "down_proj", scope, instances, tokens, g.Hidden, g.DenseIntermediate, deepGemm: true);
        AllReduce(ops, g, "mlp_all_reduce", scope, instances, tokens);
        ResidualAdd(ops, g, "mlp_residual_add", scope, instances, tokens * (double)g.Hidden * g.ActBytes * 3);
    }

    /// <summary>SiLU and the gate x up product: one kernel (SiLU-and-mul) or two, per the implementation.</summary>
    private static void Activation(OpBuffer ops, ModelGeometry g, string act, string mul, OperatorScope scope, int instances, double rows, long intermediate, MicroBatchStage stage)
    {
        if (g.Profile.FusedActivationMul)
        {
            Elementwise(ops, act, scope, instances, rows * intermediate * g.ActBytes * 3, 0).Stage = stage;
        }
        else
        {
            Elementwise(ops, act, scope, instances, rows * intermediate * g.ActBytes * 2, 0).Stage = stage;
            Elementwise(ops, mul, scope, instances, rows * intermediate * g.ActBytes * 3, 0).Stage = stage;
        }
    }

    /// <summary>
    /// The residual add after the MLP: its own kernel, or (fused add + norm) folded into the next layer's
    /// input norm, which then reads the residual too.
    /// </summary>
    private static void ResidualAdd(OpBuffer ops, ModelGeometry g, string name, OperatorScope scope, int instances, double bytes)
    {
        if (!g.Profile.FusedAddNorm)
        {
            Elementwise(ops, name, scope, instances, bytes, 0);
        }
    }

    /// <summary>Router, dispatch, shared and routed experts, combine.</summary>
    /// <remarks>
    /// With <paramref name="seedExpertRows"/> every local expert computes tokens x top-k rows (seed 002's
    /// convention, recovered from its tables: see the Estimation README); otherwise the card's share of the
    /// group's token-expert pairs is spread over the experts it actually hits.
    /// </remarks>
    public static void Moe(OpBuffer ops, ModelGeometry g, OperatorScope scope, int instances, long tokens, long gemmTokens, bool epOverNic, bool seedExpertRows)
    {
        var moe = g.Moe!;
        var h = g.Hidden;
        var routerN = moe.RoutedExperts + (moe.SharedExpertGate ? 1 : 0);
        var first = ops.Count;
        ref var router = ref Gemm(ops, g, "router", scope, instances, gemmTokens, routerN, h);
        if (moe.RouterBias)
        {
            router.ResidentWeightBytes += moe.RoutedExperts * g.NonExpertBytes;
            router.WeightBytes += moe.RoutedExperts * g.NonExpertBytes;
            router.Bytes += moe.RoutedExperts * g.NonExpertBytes;
        }

        Elementwise(ops, "router_topk", scope, instances, tokens * (double)moe.RoutedExperts * 4 * 2, 0);
        MarkFrom(ops, first, MicroBatchStage.AttentionCore);
        var pairs = (double)tokens * moe.ExpertsPerToken;
        if (g.Ep > 1)
        {
            // Seed 002: fp8 dispatch when the experts are fp8 (DeepEP), combine at the non-expert element size.
            var dispatchBytes = g.ExpertBytes <= 1 ? 1 : g.ActBytes;
            Communication(ops, "ep_dispatch", OperatorKind.AllToAll, MicroBatchStage.Dispatch, scope, instances, pairs * h * dispatchBytes, epOverNic);
        }

        if (g.SharedIntermediate > 0)
        {
            Gemm(ops, g, "shared_gate_up", scope, instances, gemmTokens, 2L * g.SharedIntermediate, h, deepGemm: true, up: true).Stage = MicroBatchStage.Experts;
            Activation(ops, g, "shared_act", "shared_mul", scope, instances, tokens, g.SharedIntermediate, MicroBatchStage.Experts);
            Gemm(ops, g, "shared_down", scope, instances, gemmTokens, h, g.SharedIntermediate, deepGemm: true).Stage = MicroBatchStage.Experts;
        }

        // Rows this card computes: all token-expert pairs of the EP group spread evenly over EP ranks.
        var groupTokens = (double)gemmTokens * g.Dp;
        double rows, hit;
        long perExpert;
        if (seedExpertRows)
        {
            perExpert = gemmTokens * moe.ExpertsPerToken;
            hit = g.ExpertsPerCard;
            rows = (double)perExpert * hit;
        }
        else
        {
            rows = groupTokens * moe.ExpertsPerToken / g.Ep;
            hit = Math.Max(1e-9, g.ExpectedExpertsHit(groupTokens));
            perExpert = Math.Max(1L, (long)Math.Round(rows / hit));
        }

        var inter = g.ExpertIntermediate;
        ExpertGemm(ops, g, "experts_gate_up", scope, instances, rows, hit, perExpert, 2L * inter, h, up: true);
        Activation(ops, g, "experts_act", "experts_mul", scope, instances, rows, inter, MicroBatchStage.Experts);
        ExpertGemm(ops, g, "experts_down", scope, instances, rows, hit, perExpert, h, inter, up: false);
        if (g.Ep > 1)
        {
            Communication(ops, "ep_combine", OperatorKind.AllToAll, MicroBatchStage.Combine, scope, instances, pairs * h * g.NonExpertBytes, epOverNic);
        }

        var last = ops.Count;
        AllReduce(ops, g, "moe_all_reduce", scope, instances, tokens);
        if (g.Profile.FusedAddNorm)
        {
            // The weighted sum of the experts' outputs stays a kernel; the residual add folds into the next norm.
            Elementwise(ops, "moe_sum", scope, instances, tokens * (double)h * g.ActBytes * (moe.ExpertsPerToken + 1), 0);
        }
        else
        {
            Elementwise(ops, "moe_residual_add", scope, instances, tokens * (double)h * g.ActBytes * (moe.ExpertsPerToken + 2), 0);
        }
        MarkFrom(ops, last, MicroBatchStage.Experts);
    }

    /// <summary>Once per step: embedding lookup, final norm, lm_head, sampling.</summary>
    /// <remarks><paramref name="logitRows"/>: rows lm_head and sampling see (default all tokens; a prefill step
    /// computes logits only for the last token of each prompt it finishes).</remarks>
    public static void Head(OpBuffer ops, ModelGeometry g, bool tiedEmbeddings, long tokens, long? logitRows = null)
    {
        var rows = logitRows ?? tokens;
        var h = g.Hidden;
        var table = (double)g.VocabPerCard * h * g.NonExpertBytes;
        ref var emb = ref Elementwise(ops, "embedding", OperatorScope.Model, 1, (tokens * h * g.NonExpertBytes) + (tokens * h * g.ActBytes), 0);
        emb.ResidentWeightBytes = table;
        emb.WeightBytes = tokens * h * g.NonExpertBytes;
        Elementwise(ops, "final_norm", OperatorScope.Model, 1, tokens * h * g.ActBytes * 2, h * g.NonExpertBytes);
        ref var head = ref Gemm(ops, g, "lm_head", OperatorScope.Model, 1, rows, g.VocabPerCard, h);
        if (tiedEmbeddings)
        {
            head.ResidentWeightBytes = 0;
        }

        // Greedy sampling: argmax over the bf16 logits (read rows x vocab x 2 bytes).
        Elementwise(ops, "sampling", OperatorScope.Model, 1, rows * (double)g.VocabPerCard * 2, 0);
    }

    private static ref OpSpec Gemm(OpBuffer ops, ModelGeometry g, string name, OperatorScope scope, int instances, long m, long n, long k,
        int groups = 1, bool bias = false, bool deepGemm = false, bool up = false)
    {
        // Callers pass per-card n and k: split over TP where the weight is, full size where it is replicated
        // on every TP rank (MLA down-projections, router).
        ref var op = ref ops.Add();
        op.Name = name;
        op.Kind = OperatorKind.Gemm;
        op.Scope = scope;
        op.Instances = instances;
        op.M = m;
        op.N = n;
        op.K = k;
        op.Groups = groups;
        op.WeightType = g.NonExpertType;
        op.DeepGemmEligible = deepGemm;
        op.UpProjection = up;
        var weights = ((double)n * k * groups * g.NonExpertBytes) + (bias ? n * g.NonExpertBytes : 0);
        op.WeightBytes = weights;
        op.ResidentWeightBytes = weights;
        op.Flops = 2.0 * m * n * k * groups;
        op.Bytes = weights + (((double)m * k) + ((double)m * n)) * groups * g.ActBytes;
        return ref op;
    }

    private static void ExpertGemm(OpBuffer ops, ModelGeometry g, string name, OperatorScope scope, int instances, double rows, double hit, long perExpert, long n, long k, bool up)
    {
        ref var op = ref ops.Add();
        op.Name = name;
        op.Kind = OperatorKind.ExpertGemm;
        op.Scope = scope;
        op.Stage = MicroBatchStage.Experts;
        op.Instances = instances;
        op.M = perExpert;
        op.N = n;
        op.K = k;
        op.Groups = hit;
        op.WeightType = g.ExpertType;
        op.DeepGemmEligible = true;
        op.UpProjection = up;
        op.WeightBytes = hit * n * k * g.ExpertBytes;
        op.ResidentWeightBytes = (double)g.ExpertsPerCard * n * k * g.ExpertBytes;
        op.Flops = 2.0 * rows * n * k;
        op.Bytes = op.WeightBytes + (rows * (n + k) * g.ActBytes);
    }

    private static ref OpSpec Elementwise(OpBuffer ops, string name, OperatorScope scope, int instances, double bytes, double weightBytes)
    {
        ref var op = ref ops.Add();
        op.Name = name;
        op.Kind = OperatorKind.Elementwise;
        op.Scope = scope;
        op.Instances = instances;
        op.Bytes = bytes + weightBytes;
        op.WeightBytes = weightBytes;
        op.ResidentWeightBytes = weightBytes;
        return ref op;
    }

    private static void AllReduce(OpBuffer ops, ModelGeometry g, string name, OperatorScope scope, int instances, long tokens)
    {
        if (g.Tp > 1)
        {
            // Ring all-reduce: each card sends (and receives) 2 (TP - 1) / TP of the buffer.
            var wire = (double)tokens * g.Hidden * g.ActBytes * 2 * (g.Tp - 1) / g.Tp;
            Communication(ops, name, OperatorKind.AllReduce, MicroBatchStage.AttentionCore, scope, instances, wire, overNic: false);
        }
    }

    private static void Communication(OpBuffer ops, string name, OperatorKind kind, MicroBatchStage stage, OperatorScope scope, int instances, double bytes, bool overNic)
    {
        ref var op = ref ops.Add();
        op.Name = name;
        op.Kind = kind;
        op.Stage = stage;
        op.Scope = scope;
        op.Instances = instances;
        op.Bytes = bytes;
        op.OverNic = overNic;
    }
}
