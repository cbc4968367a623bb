using System.Globalization;

namespace PerfGate.Catalog;

public static partial class HuggingFaceConfigReader
{
    private static ModelSpec? Dense(Reader r, string modelType)
    {
        var common = Common(r);
        if (common is null)
        {
            return null;
        }

        // Qwen2 always has q/k/v biases; Llama and Qwen3 have them only with attention_bias.
        var bias = modelType == "qwen2" || (r.Bool("attention_bias") ?? false);
        if (modelType == "qwen2")
        {
            r.DerivedSources["qkvBias"] = "Qwen2 architecture: q/k/v projections with bias (transformers Qwen2Attention)";
        }

        if (modelType == "qwen3")
        {
            r.DerivedSources["qkNorm"] = "Qwen3 architecture: q_norm and k_norm per head (transformers Qwen3Attention)";
            return common with { Family = ModelFamilies.Qwen3, QkvBias = bias, QkNorm = true };
        }

        return common with { Family = modelType == "qwen2" ? ModelFamilies.Qwen2 : ModelFamilies.Llama, QkvBias = bias };
    }

    private static ModelSpec? QwenMoe(Reader r, string modelType)
    {
        var qwen3 = modelType == "qwen3_moe";
        var common = Common(r);
        var experts = r.Int("num_experts", required: true);
        var perToken = r.Int("num_experts_per_tok", required: true);
        var expertIntermediate = r.Int("moe_intermediate_size", required: true);
        var sharedIntermediate = r.Int("shared_expert_intermediate_size", min: 0) ?? 0;
        if ((r.Int("decoder_sparse_step") ?? 1) != 1)
        {
            r.Error("decoder_sparse_step", "decoder_sparse_step other than 1 (MoE only on some layers) is not supported; PerfGate models every layer as sparse");
        }

        if (r.Root["mlp_only_layers"] is { Items.Count: > 0 })
        {
            r.Error("mlp_only_layers", "mlp_only_layers (dense MLP on chosen layers) is not supported; PerfGate models every layer as sparse");
        }

        if (common is null || experts is null || perToken is null || expertIntermediate is null)
        {
            return null;
        }

        if (qwen3)
        {
            r.DerivedSources["qkNorm"] = "Qwen3-MoE architecture: q_norm and k_norm per head (transformers Qwen3MoeAttention)";
        }
        else
        {
            r.DerivedSources["qkvBias"] = "Qwen2-MoE architecture: q/k/v projections with bias (transformers Qwen2MoeAttention)";
            r.DerivedSources["moe.sharedExpertGate"] = "transformers Qwen2MoeSparseMoeBlock: shared_expert_gate = Linear(hidden_size, 1)";
        }

        return common with
        {
            Family = qwen3 ? ModelFamilies.Qwen3Moe : ModelFamilies.Qwen2Moe,
            QkvBias = qwen3 ? r.Bool("attention_bias") ?? false : true,
            QkNorm = qwen3,
            Moe = new MoeSpec
            {
                RoutedExperts = experts.Value,
                ExpertsPerToken = perToken.Value,
                ExpertIntermediateSize = expertIntermediate.Value,
                SharedExperts = sharedIntermediate > 0 ? 1 : 0,
                SharedExpertIntermediateSize = sharedIntermediate,
                SharedExpertGate = sharedIntermediate > 0,
                FirstDenseLayers = 0,
            },
        };
    }

    private static ModelSpec? DeepSeek(Reader r, string modelType)
    {
        var common = Common(r);
        var experts = r.Int("n_routed_experts", required: true);
        var perToken = r.Int("num_experts_per_tok", required: true);
        var expertIntermediate = r.Int("moe_intermediate_size", required: true);
        var shared = r.Int("n_shared_experts", min: 0) ?? 0;
        var firstDense = r.Int("first_k_dense_replace", min: 0) ?? 0;
        if ((r.Int("moe_layer_freq") ?? 1) != 1)
        {
            r.Error("moe_layer_freq", "moe_layer_freq other than 1 is not supported; PerfGate models every layer after first_k_dense_replace as sparse");
        }

        var qLora = r.NullableInt("q_lora_rank");
        var kvLora = r.Int("kv_lora_rank", required: true);
        var nope = r.Int("qk_nope_head_dim", required: true);
        var rope = r.Int("qk_rope_head_dim", required: true);
        var v = r.Int("v_head_dim", required: true);
        var mtp = r.Int("num_nextn_predict_layers", min: 0) ?? 0;
        var routerBias = r.String("topk_method", required: false) == "noaux_tc";
        if (common is null || experts is null || perToken is null || expertIntermediate is null || kvLora is null || nope is null || rope is null || v is null)
        {
            return null;
        }

        r.DerivedSources["headDim"] = "qk_nope_head_dim + qk_rope_head_dim";
        if (routerBias)
        {
            r.DerivedSources["moe.routerBias"] = "topk_method noaux_tc: the router has e_score_correction_bias";
        }

        return common with
        {
            Family = modelType == "deepseek_v3" ? ModelFamilies.DeepSeekV3 : ModelFamilies.DeepSeekV2,
            HeadDim = nope.Value + rope.Value,
            QkvBias = false,
            MtpLayers = mtp,
            Moe = new MoeSpec
            {
                RoutedExperts = experts.Value,
                ExpertsPerToken = perToken.Value,
                ExpertIntermediateSize = expertIntermediate.Value,
                SharedExperts = shared,
                RouterBias = routerBias,
                FirstDenseLayers = firstDense,
            },
            Mla = new MlaSpec { QLoraRank = qLora, KvLoraRank = kvLora.Value, QkNopeHeadDim = nope.Value, QkRopeHeadDim = rope.Value, VHeadDim = v.Value },
        };
    }

    private static ModelSpec? Common(Reader r)
    {
        var layers = r.Int("num_hidden_layers", required: true);
        var hidden = r.Int("hidden_size", required: true);
        var heads = r.Int("num_attention_heads", required: true);
        var kvHeads = r.Int("num_key_value_heads");
        var headDim = r.Int("head_dim");
        var intermediate = r.Int("intermediate_size", required: true);
        var vocab = r.Int("vocab_size", required: true);
        var tied = r.Bool("tie_word_embeddings") ?? false;
        CheckDtype(r, "torch_dtype");
        CheckDtype(r, "dtype");
        if (layers is null || hidden is null || heads is null || intermediate is null || vocab is null)
        {
            return null;
        }

        if (kvHeads is { } kv && (kv > heads.Value || heads.Value % kv != 0))
        {
            r.Error("num_key_value_heads", string.Create(CultureInfo.InvariantCulture, $"num_key_value_heads is {kv}; it must divide num_attention_heads ({heads}): each key/value head serves a whole group of query heads"));
            return null;
        }

        if (kvHeads is null)
        {
            r.DerivedSources["keyValueHeads"] = "num_key_value_heads absent: equal to num_attention_heads";
        }

        if (headDim is null)
        {
            if (hidden.Value % heads.Value != 0)
            {
                r.Error("hidden_size", $"hidden_size {hidden} is not a multiple of num_attention_heads {heads} and there is no head_dim; add head_dim");
                return null;
            }

            r.DerivedSources["headDim"] = "hidden_size / num_attention_heads (config.json has no head_dim)";
        }

        return new ModelSpec
        {
            Id = string.Empty,
            Name = string.Empty,
            Family = string.Empty,
            Layers = layers.Value,
            HiddenSize = hidden.Value,
            AttentionHeads = heads.Value,
            KeyValueHeads = kvHeads ?? heads.Value,
            HeadDim = headDim ?? (hidden.Value / heads.Value),
            IntermediateSize = intermediate.Value,
            VocabSize = vocab.Value,
            TiedEmbeddings = tied,
        };
    }

    /// <summary>The torch dtypes a HuggingFace checkpoint is published in (transformers' torch_dtype / dtype).</summary>
    internal static IReadOnlyList<string> KnownTorchDtypes { get; } = ["bfloat16", "float16", "float32", "float8_e4m3fn", "float8_e5m2"];

    private static void CheckDtype(Reader r, string key)
    {
        var dtype = r.String(key, required: false);
        if (dtype is not null && !KnownTorchDtypes.Contains(dtype, StringComparer.Ordinal))
        {
            r.Error(key, $"'{key}' is '{dtype}', which is not a torch dtype PerfGate knows{Yaml.Suggestions.DidYouMean(dtype, KnownTorchDtypes)}; use one of {Yaml.Suggestions.List(KnownTorchDtypes)}");
        }
    }
}
