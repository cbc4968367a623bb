using PerfGate.Catalog;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Workspace;

/// <summary>The YAML spellings of scenario enums.</summary>
public static class ScenarioSpellings
{
    public static IReadOnlyList<KeyValuePair<string, PipelineKind>> Pipelines { get; } =
    [
        new("naive", PipelineKind.Naive), new("dual-micro-batch", PipelineKind.DualMicroBatch),
    ];

    public static IReadOnlyList<KeyValuePair<string, EfficiencySource>> Efficiencies { get; } =
    [
        new("published", EfficiencySource.Seed), new("measured", EfficiencySource.Measured), new("roofline", EfficiencySource.Roofline),
    ];

    /// <summary>The canonical engine ids, used in every output (snapshots, JSON, tables).</summary>
    public static IReadOnlyList<KeyValuePair<string, EngineKind>> Engines { get; } =
    [
        new("mindie", EngineKind.MindIE), new("vllm", EngineKind.Vllm), new("sglang", EngineKind.Sglang), new("tensorrt-llm", EngineKind.TensorRtLlm),
    ];

    /// <summary>What YAML and the command line accept: the canonical ids, then the alias <c>trtllm</c> for <c>tensorrt-llm</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, EngineKind>> EngineInputs { get; } =
    [
        .. Engines, new("trtllm", EngineKind.TensorRtLlm),
    ];

    public static IReadOnlyList<KeyValuePair<string, DataType>> DataTypes { get; } =
    [
        new("bf16", DataType.Bf16), new("fp16", DataType.Fp16), new("fp32", DataType.Fp32),
        new("fp8", DataType.Fp8), new("int8", DataType.Int8), new("int4", DataType.Int4),
    ];

    public static string ToId(this PipelineKind pipeline) => pipeline == PipelineKind.Naive ? "naive" : "dual-micro-batch";

    public static string ToId(this EngineKind engine) => Engines.First(e => e.Value == engine).Key;

    public static string ToId(this EfficiencySource efficiency) => Efficiencies.First(e => e.Value == efficiency).Key;
}
