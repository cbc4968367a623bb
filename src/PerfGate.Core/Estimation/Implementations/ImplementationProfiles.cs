namespace PerfGate.Estimation.Implementations;

/// <summary>
/// The registration list of implementation profiles (one entry per implementation; adding one is one entry here).
/// Counts are per decoder layer, read from each engine's Llama/Qwen2 model code as cited.
/// </summary>
public static class ImplementationProfiles
{
    /// <summary>
    /// Plain PyTorch in the HuggingFace modelling style, unfused, replayed as a CUDA graph: transformers
    /// <c>models/llama/modeling_llama.py</c> and <c>models/qwen2/modeling_qwen2.py</c>: the residual adds are
    /// separate (<c>hidden_states = residual + hidden_states</c>); <c>apply_rotary_pos_emb</c> rotates q and k
    /// separately; the cache update writes K and V separately (<c>StaticCache.update</c>: <c>index_copy_</c> on each);
    /// <c>LlamaMLP</c> computes <c>act_fn(gate_proj(x)) * up_proj(x)</c> (activation, then multiply). Counted
    /// as one kernel per separate step, RMSNorm as one kernel (a fused <c>rms_norm</c>; the Python module's
    /// eight element-wise ops would add seven each: README, "What is not modelled"). A q/k/v bias is added by
    /// its own kernel. GEMMs are looked up as the fused q|k|v and gate|up shapes.
    /// </summary>
    public static ImplementationProfile PyTorch { get; } = new()
    {
        Id = "pytorch",
        Source = "huggingface/transformers models/llama/modeling_llama.py, models/qwen2/modeling_qwen2.py (unfused; residual adds, rope on q and on k, K and V cache writes, activation and multiply, bias add are separate kernels)",
        SeparateBiasAdd = true,
    };

    /// <summary>
    /// vLLM <c>vllm/model_executor/models/llama.py</c> (Qwen2: <c>qwen2.py</c>, same layer): <c>RMSNorm(x, residual)</c>
    /// is the fused add + norm custom op; <c>get_rope</c> rotates q and k in one <c>rotary_embedding</c> kernel;
    /// the attention backend writes K and V in one <c>reshape_and_cache_flash</c>; <c>SiluAndMul</c> is one kernel;
    /// <c>QKVParallelLinear</c> adds the bias in the GEMM.
    /// </summary>
    public static ImplementationProfile Vllm { get; } = new()
    {
        Id = "vllm",
        Source = "vllm-project/vllm vllm/model_executor/models/llama.py, qwen2.py (fused add+RMSNorm, one rotary kernel for q and k, reshape_and_cache_flash writes K and V, SiluAndMul)",
        FusedAddNorm = true,
        FusedRope = true,
        FusedCacheWrite = true,
        FusedActivationMul = true,
    };

    /// <summary>
    /// SGLang <c>python/sglang/srt/models/llama.py</c> (and <c>qwen2.py</c>): fused add + RMSNorm, one rotary kernel,
    /// <c>SiluAndMul</c>; the KV pool (<c>mem_cache/memory_pool.py</c>, <c>set_kv_buffer</c>) writes K and V by two
    /// index assignments.
    /// </summary>
    public static ImplementationProfile Sglang { get; } = new()
    {
        Id = "sglang",
        Source = "sgl-project/sglang python/sglang/srt/models/llama.py, qwen2.py, mem_cache/memory_pool.py (fused add+RMSNorm, one rotary kernel, SiluAndMul; set_kv_buffer writes K and V separately)",
        FusedAddNorm = true,
        FusedRope = true,
        FusedActivationMul = true,
    };

    /// <summary>
    /// TensorRT-LLM (<c>tensorrt_llm/_torch/models/modeling_llama.py</c>): fused residual + RMSNorm, the attention
    /// op's preprocessing applies rotary and writes the KV cache in one kernel, SwiGLU is one kernel.
    /// </summary>
    public static ImplementationProfile TensorRtLlm { get; } = new()
    {
        Id = "tensorrt-llm",
        Source = "NVIDIA/TensorRT-LLM tensorrt_llm/_torch/models/modeling_llama.py (fused residual+RMSNorm; attention preprocessing applies rope and writes KV in one kernel; fused SwiGLU)",
        FusedAddNorm = true,
        FusedRope = true,
        FusedCacheWrite = true,
        RopeInCacheWrite = true,
        FusedActivationMul = true,
    };

    /// <summary>
    /// MindIE-LLM on ATB (<c>atb_llm/models/llama</c>, <c>qwen2</c>): the ATB graph uses AddRmsNorm, one RoPE
    /// operation for q and k, one ReshapeAndCache for K and V, and SwiGLU.
    /// </summary>
    public static ImplementationProfile MindIe { get; } = new()
    {
        Id = "mindie",
        Source = "Ascend MindIE-LLM atb_llm/models/llama, qwen2 (ATB AddRmsNorm, one RoPE op for q and k, ReshapeAndCache, SwiGLU)",
        FusedAddNorm = true,
        FusedRope = true,
        FusedCacheWrite = true,
        FusedActivationMul = true,
    };

    /// <summary>Every profile, in a fixed order.</summary>
    public static IReadOnlyList<ImplementationProfile> All { get; } = [PyTorch, Vllm, Sglang, TensorRtLlm, MindIe];

    /// <summary>The profile with an id (<c>trtllm</c> is accepted for <c>tensorrt-llm</c>), or null.</summary>
    public static ImplementationProfile? Find(string id)
    {
        if (string.Equals(id, "trtllm", StringComparison.OrdinalIgnoreCase))
        {
            return TensorRtLlm;
        }

        foreach (var p in All)
        {
            if (string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase))
            {
                return p;
            }
        }

        return null;
    }
}
