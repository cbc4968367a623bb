using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Implementations;
using PerfGate.Memory.Engines;
using PerfGate.Prefill;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Tests.Workspace;

/// <summary>Option text read with the YAML spellings: absent is null without a word, a bad value names the option and the valid ones.</summary>
public sealed class OptionValuesTests
{
    [Fact]
    public void Absent_values_are_null_and_say_nothing()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Null(OptionValues.DataType(null, "--kv-dtype", diagnostics));
        Assert.Null(OptionValues.Pipeline(null, diagnostics));
        Assert.Null(OptionValues.Efficiency(null, diagnostics));
        Assert.Null(OptionValues.Layers(null, diagnostics));
        Assert.Null(OptionValues.Overlap(null, diagnostics));
        Assert.Null(OptionValues.Implementation(null, diagnostics));
        Assert.Null(OptionValues.Engine(null, diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Every_yaml_spelling_and_the_seed_and_huggingface_aliases_are_read()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.Equal(DataType.Int8, OptionValues.DataType("w8a8", "--weights-dtype", diagnostics));
        Assert.Equal(DataType.Bf16, OptionValues.DataType("BFloat16", "--weights-dtype", diagnostics));
        Assert.Equal(PipelineKind.DualMicroBatch, OptionValues.Pipeline("dual-micro-batch", diagnostics));
        Assert.Equal(PipelineKind.DualMicroBatch, OptionValues.Pipeline("dual-mbatch", diagnostics));
        Assert.All(ScenarioSpellings.Efficiencies, e => Assert.Equal(e.Value, OptionValues.Efficiency(e.Key, diagnostics)));
        Assert.All(ScenarioSpellings.Layers, l => Assert.Equal(l.Value, OptionValues.Layers(l.Key, diagnostics)));
        Assert.Equal(KvLoadOverlap.LayerWise, OptionValues.Overlap("layer-wise", diagnostics));
        Assert.Same(ImplementationProfiles.TensorRtLlm, OptionValues.Implementation("TRTLLM", diagnostics));
        Assert.Equal("sglang", OptionValues.Engine("SGLang", diagnostics)!.Id);
        Assert.Equal("tensorrt-llm", OptionValues.Engine("trtllm", diagnostics)!.Id);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_layer_spellings_are_the_ones_an_estimate_reports()
    {
        Assert.Equal("as-built", LayerTreatment.AsBuilt.ToId());
        Assert.Equal("sparse-times-all", LayerTreatment.SeedSparseTimesAllLayers.ToId());
        Assert.Equal(EfficiencySource.Seed, OptionValues.Efficiency(EfficiencySource.Seed.ToId(), []));
    }

    [Theory]
    [InlineData("fp6", "--kv-dtype: 'fp6' is not a data type; use one of bf16, fp16, fp32, fp8, int8, int4")]
    [InlineData("dual", "--pipeline: 'dual' is not valid (did you mean 'dual-micro-batch'?); use one of naive, dual-micro-batch")]
    [InlineData("publish", "--efficiency: 'publish' is not valid (did you mean 'published'?); use one of published, measured, roofline, achieved, a100-curve")]
    [InlineData("seed", "--layers: 'seed' is not valid; use one of as-built, sparse-times-all")]
    [InlineData("serail", "--overlap: 'serail' is not valid; use one of serial, layer-wise")]
    [InlineData("vlm", "--implementation: 'vlm' is not valid (did you mean 'vllm'?); use one of pytorch, vllm, sglang, tensorrt-llm, mindie")]
    [InlineData("TGI", "--engine: 'tgi' is not valid; use one of mindie, vllm, sglang, tensorrt-llm")]
    public void A_bad_value_is_one_error_naming_the_option_and_the_valid_spellings(string text, string message)
    {
        var diagnostics = new List<Diagnostic>();

        object? value = message.Split(':')[0] switch
        {
            "--kv-dtype" => OptionValues.DataType(text, "--kv-dtype", diagnostics),
            "--pipeline" => OptionValues.Pipeline(text, diagnostics),
            "--efficiency" => OptionValues.Efficiency(text, diagnostics),
            "--layers" => OptionValues.Layers(text, diagnostics),
            "--overlap" => OptionValues.Overlap(text, diagnostics),
            "--implementation" => OptionValues.Implementation(text, diagnostics),
            "--engine" => OptionValues.Engine(text, diagnostics),
            var other => throw new ArgumentException(other),
        };

        Assert.Null(value);
        var d = Assert.Single(diagnostics);
        Assert.Equal((Severity.Error, DiagnosticIds.InvalidSetting, SourceLocation.None), (d.Severity, d.Id, d.Location));
        Assert.Equal(message, d.Message);
    }

    [Fact]
    public void The_engine_list_is_the_registry()
    {
        var diagnostics = new List<Diagnostic>();
        OptionValues.Engine("x", diagnostics);

        Assert.EndsWith(string.Join(", ", MemoryEngines.All.Select(e => e.Id)), Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }
}
