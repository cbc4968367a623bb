using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Tests.Memory;

/// <summary>Models and cards as their HuggingFace config.json / spec sheets give them, built directly for the memory tests.</summary>
internal static class MemoryFixtures
{
    /// <summary>QwQ-32B (Qwen2 architecture): Qwen/QwQ-32B config.json.</summary>
    public static ModelSpec QwQ32B { get; } = new()
    {
        Id = "qwq-32b", Name = "QwQ-32B", Family = "qwen2",
        Layers = 64, HiddenSize = 5120, AttentionHeads = 40, KeyValueHeads = 8, HeadDim = 128,
        IntermediateSize = 27648, VocabSize = 152064, TiedEmbeddings = false, QkvBias = true,
    };

    /// <summary>Qwen2.5-72B-Instruct config.json.</summary>
    public static ModelSpec Qwen25_72B { get; } = new()
    {
        Id = "qwen2.5-72b", Name = "Qwen2.5-72B", Family = "qwen2",
        Layers = 80, HiddenSize = 8192, AttentionHeads = 64, KeyValueHeads = 8, HeadDim = 128,
        IntermediateSize = 29568, VocabSize = 152064, QkvBias = true,
    };

    /// <summary>Llama-3-8B config.json: 32 heads, 8 KV heads.</summary>
    public static ModelSpec Llama3_8B { get; } = new()
    {
        Id = "llama-3-8b", Name = "Llama-3-8B", Family = "llama",
        Layers = 32, HiddenSize = 4096, AttentionHeads = 32, KeyValueHeads = 8, HeadDim = 128,
        IntermediateSize = 14336, VocabSize = 128256,
    };

    /// <summary>DeepSeek-V3 config.json (MLA, 256 routed experts, 1 shared, first 3 layers dense, one MTP module).</summary>
    public static ModelSpec DeepSeekV3 { get; } = new()
    {
        Id = "deepseek-v3", Name = "DeepSeek-V3", Family = "deepseek-v3",
        Layers = 61, HiddenSize = 7168, AttentionHeads = 128, KeyValueHeads = 128, HeadDim = 128,
        IntermediateSize = 18432, VocabSize = 129280, MtpLayers = 1,
        Mla = new MlaSpec { QLoraRank = 1536, KvLoraRank = 512, QkNopeHeadDim = 128, QkRopeHeadDim = 64, VHeadDim = 128 },
        Moe = new MoeSpec { RoutedExperts = 256, ExpertsPerToken = 8, ExpertIntermediateSize = 2048, SharedExperts = 1, RouterBias = true, FirstDenseLayers = 3 },
    };

    /// <summary>Ascend 910B3 as npu-smi reports it in seed 003: 65,536 MB HBM; ~3,350 MB used at rest.</summary>
    public static HardwareSpec Ascend910B3 { get; } = new()
    {
        Id = "ascend-910b3", Name = "Ascend 910B3", Vendor = "Huawei",
        Memory = new Bytes(65536 * Bytes.MiB),
        MemoryBandwidth = BytesPerSecond.FromTBps(1.6),
        Bf16 = FlopsPerSecond.FromTflops(294.9),
        SystemReservedMemory = new Bytes(3350 * Bytes.MiB),
    };

    public static HardwareSpec H100 { get; } = new()
    {
        Id = "h100-sxm", Name = "H100 SXM", Vendor = "NVIDIA",
        Memory = new Bytes(81559 * Bytes.MiB),
        MemoryBandwidth = BytesPerSecond.FromTBps(3.35),
        Bf16 = FlopsPerSecond.FromTflops(989),
    };
}
