using System.CommandLine;
using PerfGate.Memory.Engines;

namespace PerfGate.Cli.Commands;

/// <summary>The options of <c>perfgate memory</c>, kebab-case, each with a description.</summary>
internal sealed class MemoryOptions
{
    public Option<string?> MindieConfig { get; } = new("--mindie-config") { Description = "MindIE Service config.json (BackendConfig / ModelDeployConfig / ScheduleConfig); findings point at its lines." };
    public Option<string?> Model { get; } = new("--model") { Description = "Model id from the catalog or a YAML model document (default: the config's modelName when it names a catalog model)." };
    public Option<string?> ModelConfig { get; } = new("--model-config") { Description = "The model's HuggingFace config.json (llama, qwen2, qwen2_moe, deepseek_v2/v3), instead of --model." };
    public Option<string?> Hardware { get; } = new("--hardware") { Description = "Card id from the catalog or a YAML hardware document, e.g. ascend-910b3 (MindIE's config does not name it)." };
    public Option<string?> Workspace { get; } = new("--workspace", "-w") { Description = "Folder holding perfgate.yaml, for --scenario (default: the current directory)." };
    public Option<string?> Scenario { get; } = new("--scenario") { Description = "Budget this scenario of the workspace (its memory: section and mindieConfig); other options override it." };
    /// <summary>"mindie (default), vllm, sglang or tensorrt-llm (alias trtllm): ...", from the registered engines.</summary>
    public static string EngineHelp { get; } =
        string.Join(", ", MemoryEngines.All.SkipLast(1).Select(Spell)) + " or " + Spell(MemoryEngines.All[^1]) + ": whose memory convention applies.";

    public Option<string?> Engine { get; } = new("--engine") { Description = EngineHelp };
    public Option<int?> Cards { get; } = new("--cards") { Description = "Cards in the instance (worldSize); default tp x dp." };
    public Option<int?> Tp { get; } = new("--tp") { Description = "Attention tensor parallel degree (default: worldSize)." };
    public Option<int?> Dp { get; } = new("--dp") { Description = "Attention data parallel degree (default 1)." };
    public Option<int?> Ep { get; } = new("--ep") { Description = "Expert parallel degree (moe_ep) for MoE models (default 1)." };
    public Option<int?> NpuMemSize { get; } = new("--npu-mem-size") { Description = "MindIE npuMemSize in GiB, or -1 for automatic; overrides the config." };
    public Option<string?> MemoryFraction { get; } = new("--npu-memory-fraction", "--memory-fraction") { Description = "NPU_MEMORY_FRACTION (MindIE; default 0.8 or the environment's), gpu_memory_utilization, mem_fraction_static or free_gpu_memory_fraction." };
    public Option<int?> CacheBlockSize { get; } = new("--cache-block-size") { Description = "Tokens per KV block (MindIE cacheBlockSize)." };
    public Option<int?> MaxSeqLen { get; } = new("--max-seq-len") { Description = "maxSeqLen: input + output tokens per request." };
    public Option<int?> MaxInputTokenLen { get; } = new("--max-input-token-len") { Description = "maxInputTokenLen." };
    public Option<int?> MaxIterTimes { get; } = new("--max-iter-times") { Description = "maxIterTimes: the most output tokens." };
    public Option<int?> MaxPrefillTokens { get; } = new("--max-prefill-tokens") { Description = "maxPrefillTokens (sets the runtime workspace)." };
    public Option<int?> MaxPrefillBatchSize { get; } = new("--max-prefill-batch-size") { Description = "maxPrefillBatchSize." };
    public Option<int?> MaxBatchSize { get; } = new("--max-batch-size") { Description = "maxBatchSize, checked against what the KV blocks hold." };
    public Option<int?> InputTokens { get; } = new("--input-tokens") { Description = "Typical request input tokens, for the typical concurrency." };
    public Option<int?> OutputTokens { get; } = new("--output-tokens") { Description = "Typical request output tokens." };
    public Option<int?> SpeculativeTokens { get; } = new("--speculative-tokens") { Description = "MTP speculative tokens (1 or more adds the MTP layer and module)." };
    public Option<string?> WeightsDtype { get; } = new("--weights-dtype") { Description = "Weight type: bf16 (default), fp16, int8 (w8a8), fp8, int4." };
    public Option<string?> KvDtype { get; } = new("--kv-dtype") { Description = "KV cache type: bf16 (default), fp16, int8 (MindIE: K only), fp8." };
    public Option<string?> HcclBuffSize { get; } = new("--hccl-buffsize") { Description = "HCCL_BUFFSIZE per communicator with its unit, e.g. \"200 MiB\" (default: MindIE's group sizes, or the HCCL_BUFFSIZE variable)." };
    public Option<string?> SystemReserved { get; } = new("--system-reserved") { Description = "Memory used at rest per card (npu-smi idle), e.g. \"3357 MiB\"; default from the catalog." };
    public Option<bool> Json { get; } = new("--json") { Description = "Write the budget as JSON (memory.perCard[], memory.kvBlocks, memory.safeMaxBatchSize, memory.recommendedNpuMemSizeGiB, memory.verdict)." };
    public Option<string?> Svg { get; } = new("--svg") { Description = "Also write a stacked bar per card as SVG to this file." };

    public IEnumerable<Option> All =>
    [
        MindieConfig, Model, ModelConfig, Hardware, Workspace, Scenario, Engine, Cards, Tp, Dp, Ep, NpuMemSize, MemoryFraction, CacheBlockSize, MaxSeqLen, MaxInputTokenLen,
        MaxIterTimes, MaxPrefillTokens, MaxPrefillBatchSize, MaxBatchSize, InputTokens, OutputTokens, SpeculativeTokens, WeightsDtype,
        KvDtype, HcclBuffSize, SystemReserved, Json, Svg,
    ];

    public MemoryArguments Read(ParseResult p) => new()
    {
        MindieConfigPath = p.GetValue(MindieConfig),
        Model = p.GetValue(Model),
        ModelConfigPath = p.GetValue(ModelConfig),
        Hardware = p.GetValue(Hardware),
        Workspace = p.GetValue(Workspace),
        Scenario = p.GetValue(Scenario),
        Engine = p.GetValue(Engine),
        Cards = p.GetValue(Cards),
        Tp = p.GetValue(Tp),
        Dp = p.GetValue(Dp),
        Ep = p.GetValue(Ep),
        NpuMemSize = p.GetValue(NpuMemSize),
        MemoryFraction = p.GetValue(MemoryFraction),
        CacheBlockSize = p.GetValue(CacheBlockSize),
        MaxSeqLen = p.GetValue(MaxSeqLen),
        MaxInputTokenLen = p.GetValue(MaxInputTokenLen),
        MaxIterTimes = p.GetValue(MaxIterTimes),
        MaxPrefillTokens = p.GetValue(MaxPrefillTokens),
        MaxPrefillBatchSize = p.GetValue(MaxPrefillBatchSize),
        MaxBatchSize = p.GetValue(MaxBatchSize),
        InputTokens = p.GetValue(InputTokens),
        OutputTokens = p.GetValue(OutputTokens),
        SpeculativeTokens = p.GetValue(SpeculativeTokens),
        WeightsDtype = p.GetValue(WeightsDtype),
        KvDtype = p.GetValue(KvDtype),
        HcclBuffSize = p.GetValue(HcclBuffSize),
        SystemReserved = p.GetValue(SystemReserved),
        Json = p.GetValue(Json),
        SvgPath = p.GetValue(Svg),
    };

    private static string Spell(IEngineConvention e) =>
        e.Id + (ReferenceEquals(e, MemoryEngines.MindIE) ? " (default)" : string.Empty) + (e.Aliases.Count > 0 ? $" (alias {string.Join(", ", e.Aliases)})" : string.Empty);
}
