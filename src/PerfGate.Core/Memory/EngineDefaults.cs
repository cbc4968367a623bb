using PerfGate.Scenarios;

namespace PerfGate.Memory;

/// <summary>
/// Defaults each engine applies when a setting is absent (memory-budgets.md; MindIE values from its shipped config.json and
/// service_parameter_configuration.md).
/// </summary>
public static class EngineDefaults
{
    public const int MaxSeqLen = 2560;
    public const int MaxInputTokenLen = 2048;
    public const int MaxIterTimes = 512;
    public const int MaxPrefillTokens = 8192;
    public const int MaxPrefillBatchSize = 50;
    public const int MaxBatchSize = 200;

    /// <summary>MindIE-LLM's NPU_MEMORY_FRACTION default (mindie_llm/utils/env.py).</summary>
    public const double MindieMemoryFraction = 0.8;

    /// <summary>The 0.8 factor of the older MindIE tuning guide's Floor[(free - weights - post-processing) * 0.8].</summary>
    public const double LegacyGuideFactor = 0.8;

    /// <summary>Memory fraction default: MindIE 0.8, vLLM 0.9 (0.92 on current main), SGLang 0.88 (fallback of its auto rule), TRT-LLM 0.9.</summary>
    public static double MemoryFraction(EngineKind engine) => engine switch
    {
        EngineKind.MindIE => MindieMemoryFraction,
        EngineKind.Vllm => 0.9,
        EngineKind.Sglang => 0.88,
        EngineKind.TensorRtLlm => 0.9,
        _ => MindieMemoryFraction,
    };

    /// <summary>Tokens per KV block: MindIE cacheBlockSize 128, vLLM 16 on CUDA (vllm-ascend: 128), SGLang page_size 1, TRT-LLM tokens_per_block 32.</summary>
    public static int BlockSize(EngineKind engine, bool ascend) => engine switch
    {
        EngineKind.MindIE => 128,
        EngineKind.Vllm => ascend ? 128 : 16,
        EngineKind.Sglang => 1,
        EngineKind.TensorRtLlm => 32,
        _ => 128,
    };

    /// <summary>Blocks the engine keeps for itself: MindIE hands the scheduler num_npu_blocks - 1 (one dummy block, one more with DP);
    /// vLLM V1 keeps a null block; SGLang and TRT-LLM keep none out of the counted pool.</summary>
    public static int ReservedBlocks(EngineKind engine, int dp) => engine switch
    {
        EngineKind.MindIE => dp > 1 ? 2 : 1,
        EngineKind.Vllm => 1,
        _ => 0,
    };
}
