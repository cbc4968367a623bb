using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Tests.Catalog;

public sealed class CatalogDocumentReaderTests
{
    private const string Hardware = """
        kind: hardware
        id: my-gpu
        name: My GPU
        vendor: Acme
        memory: 24 GiB
        memoryBandwidth: 1 TB/s
        bf16: 100 TFLOPS
        source: https://example.com/datasheet
        """;

    private static (CatalogDocument? Doc, IReadOnlyList<Diagnostic> Diagnostics) Load(string text, string? dir = null) =>
        CatalogDocumentReader.Load(text.ReplaceLineEndings("\n"), "cat/gpu.yaml", dir);

    [Fact]
    public void A_minimal_hardware_document_loads_with_defaults()
    {
        var (doc, diagnostics) = Load(Hardware);
        Assert.Empty(diagnostics);
        var hw = doc!.Hardware!;
        Assert.Equal("my-gpu", hw.Id);
        Assert.Equal(24L * Bytes.GiB, hw.Memory.Value);
        Assert.Equal(EfficiencySource.Seed, hw.Efficiency);
        Assert.Equal("https://example.com/datasheet", hw.Sources.For("bf16"));
        Assert.Equal(new SourceLocation("cat/gpu.yaml", 1, 1), hw.Location);
    }

    [Fact]
    public void Every_problem_of_a_document_is_reported_at_once()
    {
        var text = """
            kind: hardware
            id: my-gpu
            name: My GPU
            vendor: Acme
            memory: 24
            memoryBandwith: 1 TB/s
            bf16: 0 TFLOPS
            fp8: 2 TFLOP
            efficiency: measurd
            sources:
              memory: a
              bf16: b
              fp8: c
            """;
        var (doc, d) = Load(text);
        Assert.Null(doc);
        Assert.Collection(
            d,
            x => Expect(x, DiagnosticIds.BadUnit, 5, 9, "'memory': '24' has no unit; a size needs one of B, KiB, MiB, GiB, TiB, KB, kB, MB, GB, TB, e.g. \"80 GiB\""),
            x => Expect(x, DiagnosticIds.MissingField, 1, 1, "missing required key 'memoryBandwidth' in a hardware document; expected a bandwidth with a unit, e.g. \"3.35 TB/s\""),
            x => Expect(x, DiagnosticIds.InvalidValue, 7, 7, "'bf16' is '0 TFLOPS'; it must be more than zero"),
            x => Expect(x, DiagnosticIds.BadUnit, 8, 6, "'fp8': unknown unit 'TFLOP' in '2 TFLOP'; a throughput takes one of FLOPS, GFLOPS, TFLOPS, PFLOPS, TOPS, POPS, GOPS"),
            x => Expect(x, DiagnosticIds.InvalidValue, 9, 13, "'efficiency' is 'measurd', which is not valid (did you mean 'measured'?). Valid values: 'published', 'measured', 'roofline', 'achieved', 'a100-curve'"),
            x => Assert.Equal(DiagnosticIds.UnknownKey, x.Id));
        Assert.StartsWith("unknown key 'memoryBandwith' in a hardware document (did you mean 'memoryBandwidth'?)", d[^1].Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("cat/gpu.yaml", 6, 1), d[^1].Location);
    }

    [Fact]
    public void A_figure_without_a_source_is_PG2009_at_the_figure()
    {
        var text = Hardware.Replace("source: https://example.com/datasheet", "sources:\n  memory: a\n  memoryBandwidth: b", StringComparison.Ordinal);
        var (doc, d) = Load(text);
        Assert.Null(doc);
        var x = Assert.Single(d);
        Expect(x, DiagnosticIds.MissingSource, 7, 1, "figure 'bf16' has no source; add 'sources: {bf16: <URL or document>}' or a default 'source:' for the document (say \"unofficial: ...\" when no official source exists)");
    }

    [Fact]
    public void A_source_for_a_figure_that_is_not_there_is_an_error()
    {
        var (_, d) = Load(Hardware + "\nsources:\n  bf61: x\n");
        var x = Assert.Single(d);
        Assert.Equal(DiagnosticIds.UnknownKey, x.Id);
        Assert.StartsWith("'sources.bf61' names no figure of this document (did you mean 'bf16'?)", x.Message, StringComparison.Ordinal);
        Assert.Equal(10, x.Location.Line);
    }

    [Fact]
    public void An_unknown_kind_lists_the_valid_ones()
    {
        var (doc, d) = Load("kind: gpu\nid: x\n");
        Assert.Null(doc);
        Expect(Assert.Single(d), DiagnosticIds.UnknownKind, 1, 7, "'kind' is 'gpu', which is not valid. Valid values: 'hardware', 'nic', 'model', 'storage'");
    }

    [Fact]
    public void Ids_must_follow_the_spelling_rule()
    {
        var (_, d) = Load(Hardware.Replace("id: my-gpu", "id: My GPU", StringComparison.Ordinal));
        Expect(Assert.Single(d), DiagnosticIds.InvalidValue, 2, 5, "id 'My GPU' is not valid; use " + CatalogIds.Rule);
    }

    [Fact]
    public void A_calibration_folder_is_resolved_against_the_document_folder()
    {
        var dir = Path.Combine(Path.GetTempPath(), "ws", "catalog");
        var (doc, d) = Load(Hardware + "\nefficiency: measured\ncalibration: tables/mine\n", dir);
        Assert.Empty(d);
        Assert.Equal(Path.GetFullPath(Path.Combine(dir, "tables", "mine")), doc!.Hardware!.CalibrationTables);
        Assert.Equal(EfficiencySource.Measured, doc.Hardware.Efficiency);
    }

    [Fact]
    public void Measured_efficiency_needs_tables()
    {
        var (_, d) = Load(Hardware + "\nefficiency: measured\n");
        Expect(Assert.Single(d), DiagnosticIds.InvalidValue, 9, 13, "'efficiency' is 'measured' but there is no 'calibration:' folder of measured tables (gemm.csv, attention_decode.csv, bandwidth.csv); add one or use 'published' or 'roofline'");
    }

    [Fact]
    public void A_nic_faster_than_its_line_rate_is_refused()
    {
        var (_, d) = Load("kind: nic\nid: n\nname: N\nlineRate: 100 Gb/s\neffectiveBandwidth: 20 GiB/s\nsource: x\n");
        Expect(Assert.Single(d), DiagnosticIds.InvalidValue, 5, 21, "'effectiveBandwidth' (21.475 GB/s) is more than 'lineRate' (12.5 GB/s); a card cannot move more than its line rate");
    }

    [Fact]
    public void Model_sections_are_checked_and_their_figures_take_section_sources()
    {
        var text = """
            kind: model
            id: tiny-moe
            name: Tiny
            family: qwen2-moe
            layers: 2
            hiddenSize: 64
            attentionHeads: 4
            keyValueHeads: 3
            headDim: 16
            intermediateSize: 128
            vocabSize: 1000
            moe:
              routedExperts: 4
              expertsPerToken: 8
              expertIntermediateSize: 32
              firstDenseLayer: 1
            sources:
              layers: a
              hiddenSize: a
              attentionHeads: a
              keyValueHeads: a
              headDim: a
              intermediateSize: a
              vocabSize: a
              moe: the moe paper
            """;
        var (doc, d) = Load(text);
        Assert.Null(doc);
        Assert.Collection(
            d,
            x => Expect(x, DiagnosticIds.InvalidValue, 14, 20, "'moe.expertsPerToken' is 8; it cannot exceed 'moe.routedExperts' (4)"),
            x => Assert.StartsWith("unknown key 'firstDenseLayer' in the 'moe' section (did you mean 'firstDenseLayers'?)", x.Message, StringComparison.Ordinal),
            x => Expect(x, DiagnosticIds.InvalidValue, 8, 16, "'keyValueHeads' is 3; it must divide 'attentionHeads' (4)"));
    }

    [Fact]
    public void Units_in_documents_keep_binary_and_decimal_apart()
    {
        var (doc, _) = Load(Hardware.Replace("24 GiB", "24 GB", StringComparison.Ordinal) + "\nmarketedMemory: 24 GiB\nintraNodeBandwidth: 400 Gb/s\n");
        Assert.Equal(24_000_000_000L, doc!.Hardware!.Memory.Value);
        Assert.Equal(24L * Bytes.GiB, doc.Hardware.MarketedMemory!.Value.Value);
        Assert.Equal(50e9, doc.Hardware.IntraNodeBandwidth!.Value.Value);
    }

    private static void Expect(Diagnostic d, string id, int line, int column, string message)
    {
        Assert.Equal(message, d.Message);
        Assert.Equal(id, d.Id);
        Assert.Equal(new SourceLocation("cat/gpu.yaml", line, column), d.Location);
    }
}
