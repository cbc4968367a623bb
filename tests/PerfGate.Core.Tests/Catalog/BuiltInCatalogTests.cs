using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Tests.Catalog;

public sealed class BuiltInCatalogTests
{
    private static readonly CatalogSet Set = BuiltInCatalog.Load();

    [Fact]
    public void Every_required_id_is_there()
    {
        Assert.Equal(
            ["a100-80g", "ascend-910b2", "ascend-910b3", "ascend-910b4", "ascend-910c", "b200", "h100-sxm", "h20", "h200", "h800", "l20", "l40s", "mi300x", "mi325x"],
            Set.Hardware.Keys);
        Assert.Equal(["cx7-400g", "e810-100g"], Set.Nics.Keys);
        Assert.Equal(
            ["deepseek-r1", "deepseek-v3", "llama-3-70b", "llama-3-8b", "llama-3.1-405b", "llama-3.1-70b", "llama-3.1-8b", "qwen2-57b-a14b", "qwen2-72b",
             "qwen2.5-32b", "qwen2.5-72b", "qwen2.5-7b", "qwen3-235b-a22b", "qwen3-30b-a3b", "qwq-32b"],
            Set.Models.Keys);
    }

    [Fact]
    public void Loading_is_cached() => Assert.Same(BuiltInCatalog.Load(), BuiltInCatalog.Load());

    [Fact]
    public void Every_figure_of_every_document_has_a_source()
    {
        // The reader refuses a figure without a source (PG2009), so each written figure appears in Sources.
        foreach (var (name, text) in BuiltInCatalog.ReadResources())
        {
            var (document, diagnostics) = CatalogDocumentReader.Load(text, name, null);
            Assert.Empty(diagnostics);
            Assert.NotNull(document);
        }

        foreach (var hw in Set.Hardware.Values)
        {
            foreach (var field in new[] { "memory", "memoryBandwidth", "bf16", "systemReservedMemory", "intraNodeBandwidth" })
            {
                Assert.False(string.IsNullOrWhiteSpace(hw.Sources.For(field)), $"{hw.Id}.{field}");
            }
        }

        Assert.Contains("unofficial", Set.Hardware["l20"].Sources.For("bf16"), StringComparison.Ordinal);
        Assert.Contains("https://shinezyy.github.io/ArchShineZ/post/modeling-deepseek/", Set.Nics["cx7-400g"].Sources.For("effectiveBandwidth"), StringComparison.Ordinal);
        Assert.All(BuiltInCatalog.ReadResources(), r => Assert.DoesNotContain("seed 00", r.Text, StringComparison.Ordinal));
        Assert.Contains("huggingface.co/deepseek-ai/DeepSeek-V3", Set.Models["deepseek-v3"].Sources.For("moe.routedExperts"), StringComparison.Ordinal);
    }

    [Fact]
    public void Device_capacities_are_binary_and_marketed_ones_decimal()
    {
        var h100 = Set.Hardware["h100-sxm"];
        Assert.Equal(81559L * Bytes.MiB, h100.Memory.Value);
        Assert.Equal(80L * Bytes.GB, h100.MarketedMemory!.Value.Value);
        Assert.Equal(143771L * Bytes.MiB, Set.Hardware["h200"].Memory.Value);
        Assert.Equal(64L * Bytes.GiB, Set.Hardware["ascend-910b3"].Memory.Value);
        Assert.Equal(32L * Bytes.GiB, Set.Hardware["ascend-910b4"].Memory.Value);
        // Seed 003: npu-smi at rest, 3,347-3,357 MB (MiB) per 910B3.
        Assert.Equal(3357L * Bytes.MiB, Set.Hardware["ascend-910b3"].SystemReservedMemory.Value);
    }

    [Fact]
    public void Hopper_figures_follow_the_spec_sheets_and_seed_002()
    {
        var h100 = Set.Hardware["h100-sxm"];
        Assert.Equal(3.35e12, h100.MemoryBandwidth.Value);
        Assert.Equal(989e12, h100.Bf16.Value);
        Assert.Equal(1979e12, h100.Fp8!.Value.Value);
        // exp2: 132 SMs x 16 per clock x 1.98 GHz = 4.18176e12.
        Assert.Equal(132 * 16 * 1.98e9, h100.Exp2!.Value.Value, 1e9);
        Assert.True(h100.TwoStageFa3);
        Assert.False(h100.ThreeStageFa3);
        Assert.Equal(EfficiencySource.Measured, h100.Efficiency);
        Assert.Equal("embedded:h100-sxm", h100.CalibrationTables);
        // The fixed per-kernel part comes from its tables (KernelFit), not from a typed-in figure.
        Assert.Equal(0, h100.KernelLaunchOverhead.Seconds);
        foreach (var sibling in new[] { "h200", "h800", "h20" })
        {
            Assert.Equal(new CalibrationTransfer("h100-sxm", TransferRule.SpecRatio), Set.Hardware[sibling].CalibrationTransfer);
            Assert.Equal(EfficiencySource.Measured, Set.Hardware[sibling].Efficiency);
        }

        Assert.Equal(EfficiencySource.A100Curve, Set.Hardware["a100-80g"].Efficiency);
        Assert.All(new[] { "l20", "ascend-910b2", "ascend-910b3", "ascend-910b4" }, id => Assert.Equal(EfficiencySource.Achieved, Set.Hardware[id].Efficiency));
        Assert.Equal(LinkKind.NvLink, h100.IntraNodeLink);

        var h20 = Set.Hardware["h20"];
        Assert.Equal(148e12, h20.Bf16.Value);
        Assert.Equal(4.0e12, h20.MemoryBandwidth.Value);
        Assert.True(h20.TwoStageFa3);
    }

    [Fact]
    public void Ampere_and_Ada_have_no_fa3_overlap_and_a100_has_no_fp8()
    {
        var a100 = Set.Hardware["a100-80g"];
        Assert.Null(a100.Fp8);
        Assert.Equal(624e12, a100.Int8!.Value.Value);
        Assert.False(a100.TwoStageFa3 || a100.ThreeStageFa3);
        var l20 = Set.Hardware["l20"];
        Assert.False(l20.TwoStageFa3 || l20.ThreeStageFa3);
        Assert.Equal(LinkKind.Pcie, l20.IntraNodeLink);
    }

    [Fact]
    public void Nic_effective_bandwidths_are_seed_002s()
    {
        // Seed 002: CX7 40 * 1024**3, E810 10 * 1024**3 bytes per second.
        Assert.Equal(40.0 * Bytes.GiB, Set.Nics["cx7-400g"].EffectiveBandwidth.Value);
        Assert.Equal(10.0 * Bytes.GiB, Set.Nics["e810-100g"].EffectiveBandwidth.Value);
        Assert.Equal(50e9, Set.Nics["cx7-400g"].LineRate.Value);
    }

    [Fact]
    public void Deepseek_v3_architecture_matches_its_config()
    {
        var m = Set.Models["deepseek-v3"];
        Assert.Equal(61, m.Layers);
        Assert.Equal(7168, m.HiddenSize);
        Assert.Equal(129280, m.VocabSize);
        Assert.Equal(1, m.MtpLayers);
        Assert.Equal(256, m.Moe!.RoutedExperts);
        Assert.Equal(8, m.Moe.ExpertsPerToken);
        Assert.Equal(3, m.Moe.FirstDenseLayers);
        Assert.True(m.Moe.RouterBias);
        Assert.Equal(1536, m.Mla!.QLoraRank);
        Assert.Equal(576, m.Mla.CachedElementsPerToken);
    }
}
