using PerfGate.Catalog;
using PerfGate.Estimation;
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
        new("achieved", EfficiencySource.Achieved), new("a100-curve", EfficiencySource.A100Curve),
    ];

    public static IReadOnlyList<KeyValuePair<string, DataType>> DataTypes { get; } =
    [
        new("bf16", DataType.Bf16), new("fp16", DataType.Fp16), new("fp32", DataType.Fp32),
        new("fp8", DataType.Fp8), new("int8", DataType.Int8), new("int4", DataType.Int4),
    ];

    /// <summary>How layers add up into a step (<c>--layers</c>, and the <c>layers</c> of an estimate's JSON).</summary>
    public static IReadOnlyList<KeyValuePair<string, LayerTreatment>> Layers { get; } =
    [
        new("as-built", LayerTreatment.AsBuilt), new("sparse-times-all", LayerTreatment.SeedSparseTimesAllLayers),
    ];

    public static string ToId(this PipelineKind pipeline) => pipeline == PipelineKind.Naive ? "naive" : "dual-micro-batch";

    public static string ToId(this EfficiencySource efficiency) => Efficiencies.First(e => e.Value == efficiency).Key;

    public static string ToId(this LayerTreatment layers) => Layers.First(l => l.Value == layers).Key;
}
