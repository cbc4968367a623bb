using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;
using PerfGate.Yaml;

namespace PerfGate.Tests.Workspace;

public sealed class ScenarioDocumentReaderTests
{
    private static (ScenarioSpec? Spec, List<Diagnostic> Diagnostics, List<ScenarioReference> References) Read(string yaml)
    {
        var root = YamlDocumentLoader.Load(yaml, "s.yaml").Root!;
        var diagnostics = new List<Diagnostic>();
        var references = new List<ScenarioReference>();
        var spec = ScenarioDocumentReader.Read(root, "s.yaml", diagnostics, references, (path, _) => "/abs/" + path);
        return (spec, diagnostics, references);
    }

    [Fact]
    public void A_search_scenario_takes_seed_002s_grid_by_default()
    {
        var (spec, d, refs) = Read("kind: scenario\nid: ds\nmodel: deepseek-v3\nhardware: h800\nsearch:\n  hardware: [h800, h20]\n  nics: [cx7-400g]\n");
        Assert.Empty(d);
        var s = spec!.Search!;
        Assert.Equal([20.0, 15.0], s.TargetUserTokensPerSecond);
        Assert.Equal([0, 1], s.Mtp);
        Assert.Equal([(2, 2), (1, 2), (1, 1)], s.ElementSizes);
        Assert.Equal([72, 144, 320], s.ExpertParallel);
        Assert.Equal((5120, 128, 8), (s.Context, s.MaxBatch, s.BatchStep));
        Assert.Equal(
            ["model:deepseek-v3", "hardware:h800", "search.hardware[0]:h800", "search.hardware[1]:h20", "search.nics[0]:cx7-400g"],
            refs.Select(r => $"{r.Key}:{r.Id}"));
        Assert.Equal(CatalogDocumentKind.Nic, refs[^1].Kind);
        Assert.Null(spec.Decode);
        Assert.Null(spec.Memory);
    }

    [Fact]
    public void Every_section_is_read_with_its_units_and_spellings()
    {
        var yaml = """
            kind: scenario
            id: full
            description: all sections
            model: deepseek-v3
            hardware: h800
            nic: cx7-400g
            cards: 144
            parallelism: {tp: 1, ep: 144, dp: 144}
            dtypes: {weights: fp8, kv: fp8, activations: bf16, nonExpertWeights: bf16}
            decode: {batch: 64, context: 5120, mtp: 1, mtpAcceptance: 0.8, pipeline: dual-micro-batch, efficiency: roofline}
            search:
              hardware: [h800]
              nics: [cx7-400g, e810-100g]
              targetUserTokensPerSecond: [25]
              mtp: [1]
              elementSizes: [[1, 1]]
              pipelines: [dual-micro-batch]
              expertParallel: [144]
              context: 4096
              maxBatch: 64
              batchStep: 4
            memory:
              engine: vllm
              memoryFraction: 0.9
              cacheBlockSize: 16
              maxSeqLen: 8192
              communicationBufferSize: 200 MiB
            """;
        var (spec, d, _) = Read(yaml);
        Assert.Empty(d);
        Assert.Equal(144, spec!.EffectiveCards);
        Assert.Equal(new Parallelism(1, 144, 144), spec.Parallelism);
        Assert.Equal(new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Bf16), spec.Dtypes);
        Assert.Equal(PipelineKind.DualMicroBatch, spec.Decode!.Pipeline);
        Assert.Equal(EfficiencySource.Roofline, spec.Decode.Efficiency);
        Assert.Equal(0.8, spec.Decode.MtpAcceptance);
        Assert.Equal([(1, 1)], spec.Search!.ElementSizes);
        Assert.Equal(MemoryEngines.Find("vllm")!, spec.Memory!.Engine);
        Assert.Equal(200L * Bytes.MiB, spec.Memory.CommunicationBufferSize!.Value.Value);
        Assert.Equal(new SourceLocation("s.yaml", 24, 3), spec.LocationOf("memory.memoryFraction"));
        Assert.Equal(new SourceLocation("s.yaml", 1, 1), spec.LocationOf("no.such.key"));
    }

    [Theory]
    [InlineData("tensorrt-llm")]
    [InlineData("trtllm")]
    public void The_engine_tensorrt_llm_is_also_accepted_as_trtllm_and_written_canonically(string spelling)
    {
        var (spec, d, _) = Read($"kind: scenario\nid: s\nmodel: m\nhardware: h\nmemory:\n  engine: {spelling}\n");
        Assert.Empty(d);
        Assert.Equal(MemoryEngines.Find("tensorrt-llm")!, spec!.Memory!.Engine);
        Assert.Equal("tensorrt-llm", spec.Memory.Engine.Id);
    }

    [Fact]
    public void Each_bad_value_is_reported_where_it_is_written()
    {
        var yaml = """
            kind: scenario
            id: bad
            model: m
            hardware: h
            cards: 0
            parallelism: {tp: 0, pp: 2}
            dtypes: {weights: bf61}
            decode: {mtpAcceptance: 1.5, pipeline: overlap, mtp: -1}
            memory: {engine: tensorrt, npuMemSize: 0, memoryFraction: 0, communicationBufferSize: 120}
            """;
        var (spec, d, _) = Read(yaml);
        Assert.Null(spec);
        Assert.Equal(
            [
                "s.yaml(5,8): error PG2005: 'cards' is 0; it must be a whole number from 1 to 65536",
                "s.yaml(6,19): error PG2005: 'parallelism.tp' is 0; it must be a whole number from 1 to 65536",
                "s.yaml(6,22): error PG2002: unknown key 'pp' in the 'parallelism' section (did you mean 'dp'?). Valid keys: 'tp', 'ep', 'dp'",
                "s.yaml(7,19): error PG2005: 'dtypes.weights' is 'bf61', which is not valid (did you mean 'bf16'?). Valid values: 'bf16', 'fp16', 'fp32', 'fp8', 'int8', 'int4'",
                "s.yaml(8,54): error PG2005: 'decode.mtp' is -1; it must be a whole number of at least 0",
                "s.yaml(8,25): error PG2005: 'decode.mtpAcceptance' is 1.5; it must be a number more than 0 and at most 1",
                "s.yaml(8,40): error PG2005: 'decode.pipeline' is 'overlap', which is not valid. Valid values: 'naive', 'dual-micro-batch'",
                "s.yaml(9,18): error PG2005: 'memory.engine' is 'tensorrt', which is not valid (did you mean 'tensorrt-llm'?). Valid values: 'mindie', 'vllm', 'sglang', 'tensorrt-llm', 'trtllm'",
                "s.yaml(9,40): error PG2005: 'memory.npuMemSize' is 0; use -1 (automatic) or a size in GiB of at least 1",
                "s.yaml(9,59): error PG2005: 'memory.memoryFraction' is 0; it must be a number more than 0 and at most 1",
                "s.yaml(9,87): error PG2006: 'memory.communicationBufferSize': '120' has no unit; a size needs one of B, KiB, MiB, GiB, TiB, KB, kB, MB, GB, TB, e.g. \"80 GiB\"",
            ],
            d.Select(x => x.ToCanonicalString()));
    }

    [Fact]
    public void Required_keys_are_reported_together()
    {
        var (spec, d, _) = Read("kind: scenario\ndescription: nothing else\n");
        Assert.Null(spec);
        Assert.Equal(
            [
                "missing required key 'id' in a scenario document; expected text",
                "missing required key 'model' in a scenario document; expected text",
                "missing required key 'hardware' in a scenario document; expected text",
            ],
            d.Select(x => x.Message));
    }

    [Fact]
    public void Decode_implementation_and_host_overhead_are_read_and_an_unknown_implementation_is_located()
    {
        var (spec, d, _) = Read("""
            kind: scenario
            id: ok
            model: m
            hardware: h
            decode: {implementation: vllm, hostOverhead: 25 us}
            """);
        Assert.Empty(d);
        Assert.Equal("vllm", spec!.Decode!.Implementation);
        Assert.Equal(25e-6, spec.Decode.HostOverhead!.Value.Seconds, 12);

        var (bad, problems, _) = Read("""
            kind: scenario
            id: bad
            model: m
            hardware: h
            decode: {implementation: hf}
            """);
        Assert.Null(bad);
        Assert.Equal(
            ["s.yaml(5,26): error PG2005: 'decode.implementation' is 'hf', which is not valid. Valid values: 'pytorch', 'vllm', 'sglang', 'tensorrt-llm', 'mindie'"],
            problems.Select(x => x.ToCanonicalString()));
    }
}
