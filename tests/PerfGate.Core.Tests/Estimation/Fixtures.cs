using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// Models and hardware written out here (not taken from the catalog) so the estimator tests and the seed 002
/// reproduction do not move when catalog entries are edited. Architectures: the models' HuggingFace
/// config.json; hardware: spec sheets (research/estimators.md section 3.4).
/// </summary>
internal static class Fixtures
{
    public static ModelSpec Llama3_8B { get; } = new()
    {
        Id = "llama-3-8b",
        Name = "Llama-3-8B",
        Family = "llama",
        Layers = 32,
        HiddenSize = 4096,
        AttentionHeads = 32,
        KeyValueHeads = 8,
        HeadDim = 128,
        IntermediateSize = 14336,
        VocabSize = 128256,
    };

    public static ModelSpec QwQ32B { get; } = new()
    {
        Id = "qwq-32b",
        Name = "QwQ-32B",
        Family = "qwen2",
        Layers = 64,
        HiddenSize = 5120,
        AttentionHeads = 40,
        KeyValueHeads = 8,
        HeadDim = 128,
        IntermediateSize = 27648,
        VocabSize = 152064,
        QkvBias = true,
    };

    public static ModelSpec DeepSeekV3 { get; } = new()
    {
        Id = "deepseek-v3",
        Name = "DeepSeek-V3",
        Family = "deepseek-v3",
        Layers = 61,
        HiddenSize = 7168,
        AttentionHeads = 128,
        KeyValueHeads = 128,
        HeadDim = 128,
        IntermediateSize = 18432,
        VocabSize = 129280,
        MtpLayers = 1,
        Moe = new MoeSpec { RoutedExperts = 256, ExpertsPerToken = 8, ExpertIntermediateSize = 2048, SharedExperts = 1, RouterBias = true, FirstDenseLayers = 3 },
        Mla = new MlaSpec { QLoraRank = 1536, KvLoraRank = 512, QkNopeHeadDim = 128, QkRopeHeadDim = 64, VHeadDim = 128 },
    };

    public static ModelSpec Qwen2_57B_A14B { get; } = new()
    {
        Id = "qwen2-57b-a14b",
        Name = "Qwen2-57B-A14B",
        Family = "qwen2-moe",
        Layers = 28,
        HiddenSize = 3584,
        AttentionHeads = 28,
        KeyValueHeads = 4,
        HeadDim = 128,
        IntermediateSize = 18944,
        VocabSize = 151936,
        QkvBias = true,
        Moe = new MoeSpec { RoutedExperts = 64, ExpertsPerToken = 8, ExpertIntermediateSize = 2560, SharedExperts = 1, SharedExpertIntermediateSize = 20480, SharedExpertGate = true },
    };

    public static HardwareSpec H100 { get; } = new()
    {
        Id = "h100-sxm",
        Name = "H100 SXM",
        Vendor = "nvidia",
        Memory = Bytes.FromMiB(81559),
        MemoryBandwidth = BytesPerSecond.FromTBps(3.35),
        Bf16 = FlopsPerSecond.FromTflops(989),
        Fp8 = FlopsPerSecond.FromTflops(1979),
        Int8 = FlopsPerSecond.FromTflops(1979),
        IntraNodeLink = LinkKind.NvLink,
        IntraNodeBandwidth = BytesPerSecond.FromGBps(450),
        TwoStageFa3 = true,
        KernelLaunchOverhead = Duration.FromMicroseconds(1.2),
        Efficiency = EfficiencySource.Measured,
        CalibrationTables = "embedded:h100-sxm",
    };

    public static NicSpec Cx7 { get; } = new()
    {
        Id = "cx7-400g",
        Name = "CX7 400Gbps",
        LineRate = BytesPerSecond.FromGbps(400),
        EffectiveBandwidth = BytesPerSecond.FromGiBps(40),
    };

    public static NicSpec E810 { get; } = new()
    {
        Id = "e810-100g",
        Name = "E810 100Gbps",
        LineRate = BytesPerSecond.FromGbps(100),
        EffectiveBandwidth = BytesPerSecond.FromGiBps(10),
    };
}
