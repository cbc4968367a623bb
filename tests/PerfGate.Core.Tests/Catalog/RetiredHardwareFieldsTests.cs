using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Catalog;

/// <summary>
/// Issue 9 point 5: seed 002's sram, fp8LowAccumulationPrecision and threadAllReduceLatency are read by no estimate, so
/// they are no longer fields. A document written when they were still loads: a PG2023 warning at each key, value ignored.
/// </summary>
public sealed class RetiredHardwareFieldsTests
{
    private const string Hardware = """
        kind: hardware
        id: my-gpu
        name: My GPU
        vendor: Acme
        memory: 24 GiB
        memoryBandwidth: 1 TB/s
        bf16: 100 TFLOPS
        sram: 20 MiB
        fp8LowAccumulationPrecision: true
        threadAllReduceLatency: 0.5 us
        source: https://example.com/datasheet
        sources:
          sram: the whitepaper
        """;

    private static (CatalogDocument? Doc, IReadOnlyList<Diagnostic> Diagnostics) Load(string text) =>
        CatalogDocumentReader.Load(text.ReplaceLineEndings("\n"), "cat/gpu.yaml", null);

    [Fact]
    public void A_document_that_still_has_them_loads_with_a_located_warning_for_each()
    {
        var (doc, diagnostics) = Load(Hardware);

        Assert.NotNull(doc?.Hardware);
        Assert.Equal(
            [
                "cat/gpu.yaml(8,1): warning PG2023: hardware field 'sram' is not used by any estimate and is ignored; delete the line and its 'sources.sram' entry",
                "cat/gpu.yaml(9,1): warning PG2023: hardware field 'fp8LowAccumulationPrecision' is not used by any estimate and is ignored; delete the line",
                "cat/gpu.yaml(10,1): warning PG2023: hardware field 'threadAllReduceLatency' is not used by any estimate and is ignored; delete the line",
            ],
            diagnostics.Select(d => d.ToCanonicalString()));
    }

    [Fact]
    public void The_value_is_not_read_so_a_bad_one_is_only_the_warning()
    {
        var (doc, diagnostics) = Load(Hardware.Replace("sram: 20 MiB", "sram: banana", StringComparison.Ordinal));

        Assert.NotNull(doc?.Hardware);
        Assert.All(diagnostics, d => Assert.Equal((Severity.Warning, DiagnosticIds.RetiredField), (d.Severity, d.Id)));
    }

    [Fact]
    public void Without_the_field_its_sources_entry_is_an_unknown_figure_as_before()
    {
        var (doc, diagnostics) = Load(Hardware.Replace("sram: 20 MiB\n", string.Empty, StringComparison.Ordinal));

        Assert.Null(doc);
        Assert.Contains(diagnostics, d => d is { Id: DiagnosticIds.UnknownKey, Severity: Severity.Error } && d.Message.StartsWith("'sources.sram' names no figure", StringComparison.Ordinal));
    }

    [Fact]
    public void A_workspace_with_such_a_document_still_passes_with_the_warning()
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "catalog: [catalog]\nscenarios: []\n",
            ["/ws/catalog/gpu.yaml"] = Hardware + "\nsystemReservedMemory: 0 MiB\nefficiency: roofline\nkernelLaunchOverhead: 2 us\n",
        };

        var loaded = WorkspaceLoader.Load(fs, "/ws");

        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        Assert.Equal(3, loaded.Diagnostics.Count(d => d.Id == DiagnosticIds.RetiredField && d.Location.File == "catalog/gpu.yaml"));
    }

    [Fact]
    public void The_built_in_catalog_no_longer_carries_them()
    {
        foreach (var (_, text) in BuiltInCatalog.ReadResources())
        {
            Assert.DoesNotContain(HardwareDocumentReader.Retired, key => text.Contains(key + ":", StringComparison.Ordinal));
        }
    }
}
