using System.CommandLine;
using PerfGate.Memory.Engines;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>The options of <c>perfgate memory</c>, kebab-case, each with a description and its place in <see cref="MemoryArguments"/>.</summary>
internal sealed class MemoryOptions : OptionSet<MemoryArguments>
{
    public MemoryOptions()
        : base(new MemoryArguments())
    {
        Add<string?>("--mindie-config", "MindIE Service config.json (BackendConfig / ModelDeployConfig / ScheduleConfig); findings point at its lines.", (a, v) => a with { MindieConfigPath = v });
        Add<string?>("--model", "Model id from the catalog or a YAML model document (default: the config's modelName when it names a catalog model).", (a, v) => a with { Model = v });
        Add<string?>("--model-config", "The model's HuggingFace config.json (llama, qwen2, qwen2_moe, deepseek_v2/v3), instead of --model.", (a, v) => a with { ModelConfigPath = v });
        Add<string?>("--hardware", "Card id from the catalog or a YAML hardware document, e.g. ascend-910b3 (MindIE's config does not name it).", (a, v) => a with { Hardware = v });
        Add(new Option<string?>("--workspace", "-w") { Description = "Folder holding perfgate.yaml, for --scenario (default: the current directory)." }, (a, v) => a with { Workspace = v });
        Add<string?>("--scenario", "Budget this scenario of the workspace (its memory: section and mindieConfig); other options override it.", (a, v) => a with { Scenario = v });
        Add<string?>("--engine", MemoryEngines.Choices + ": whose memory convention applies.", (a, v) => a with { Engine = v });
        Add<int?>("--cards", "Cards in the instance (worldSize); default tp x dp.", (a, v) => a with { Cards = v });
        Add<int?>("--tp", "Attention tensor parallel degree (default: worldSize).", (a, v) => a with { Tp = v });
        Add<int?>("--dp", "Attention data parallel degree (default 1).", (a, v) => a with { Dp = v });
        Add<int?>("--ep", "Expert parallel degree (moe_ep) for MoE models (default 1).", (a, v) => a with { Ep = v });
        Add<int?>("--npu-mem-size", "MindIE npuMemSize in GiB, or -1 for automatic; overrides the config.", (a, v) => a with { NpuMemSize = v });
        Add(new Option<string?>("--npu-memory-fraction", "--memory-fraction") { Description = "NPU_MEMORY_FRACTION (MindIE; default 0.8 or the environment's), gpu_memory_utilization, mem_fraction_static or free_gpu_memory_fraction." }, (a, v) => a with { MemoryFraction = v });
        Add<int?>("--cache-block-size", "Tokens per KV block (MindIE cacheBlockSize).", (a, v) => a with { CacheBlockSize = v });
        Add<int?>("--max-seq-len", "maxSeqLen: input + output tokens per request.", (a, v) => a with { MaxSeqLen = v });
        Add<int?>("--max-input-token-len", "maxInputTokenLen.", (a, v) => a with { MaxInputTokenLen = v });
        Add<int?>("--max-iter-times", "maxIterTimes: the most output tokens.", (a, v) => a with { MaxIterTimes = v });
        Add<int?>("--max-prefill-tokens", "maxPrefillTokens (sets the runtime workspace).", (a, v) => a with { MaxPrefillTokens = v });
        Add<int?>("--max-prefill-batch-size", "maxPrefillBatchSize.", (a, v) => a with { MaxPrefillBatchSize = v });
        Add<int?>("--max-batch-size", "maxBatchSize, checked against what the KV blocks hold.", (a, v) => a with { MaxBatchSize = v });
        Add<int?>("--input-tokens", "Typical request input tokens, for the typical concurrency.", (a, v) => a with { InputTokens = v });
        Add<int?>("--output-tokens", "Typical request output tokens.", (a, v) => a with { OutputTokens = v });
        Add<int?>("--speculative-tokens", "MTP speculative tokens (1 or more adds the MTP layer and module).", (a, v) => a with { SpeculativeTokens = v });
        Add<string?>("--weights-dtype", "Weight type: bf16 (default), fp16, int8 (w8a8), fp8, int4.", (a, v) => a with { WeightsDtype = v });
        Add<string?>("--kv-dtype", "KV cache type: bf16 (default), fp16, int8 (MindIE: K only), fp8.", (a, v) => a with { KvDtype = v });
        Add<string?>("--hccl-buffsize", "HCCL_BUFFSIZE per communicator with its unit, e.g. \"200 MiB\" (default: MindIE's group sizes, or the HCCL_BUFFSIZE variable).", (a, v) => a with { HcclBuffSize = v });
        Add<string?>("--system-reserved", "Memory used at rest per card (npu-smi idle), e.g. \"3357 MiB\"; default from the catalog.", (a, v) => a with { SystemReserved = v });
        Json = Add<bool>("--json", "Write the budget as JSON (memory.perCard[], memory.kvBlocks, memory.safeMaxBatchSize, memory.recommendedNpuMemSizeGiB, memory.verdict).");
        Svg = Add<string?>("--svg", "Also write a stacked bar per card as SVG to this file.");
    }

    public Option<bool> Json { get; }

    public Option<string?> Svg { get; }
}
