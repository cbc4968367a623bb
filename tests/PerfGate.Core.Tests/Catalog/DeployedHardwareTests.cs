using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Tests.Catalog;

/// <summary>The accelerators added for today's deployments, against their vendors' spec sheets.</summary>
public sealed class DeployedHardwareTests
{
    private static readonly CatalogSet Set = BuiltInCatalog.Load();

    [Theory]
    [InlineData("mi300x", 192, 5.3e12)]
    [InlineData("mi325x", 256, 6.0e12)]
    public void Amd_instinct_gpus_link_by_infinity_fabric(string id, long gib, double bandwidth)
    {
        var hw = Set.Hardware[id];
        Assert.Equal(gib * Bytes.GiB, hw.Memory.Value);
        Assert.Equal(bandwidth, hw.MemoryBandwidth.Value);
        Assert.Equal(1307.4e12, hw.Bf16.Value);
        Assert.Equal(2614.9e12, hw.Fp8!.Value.Value);
        Assert.Equal(LinkKind.InfinityFabric, hw.IntraNodeLink);
        // 7 links x 128 GB/s, both directions = 896 GB/s; one direction 448 GB/s.
        Assert.Equal(448e9, hw.IntraNodeBandwidth!.Value.Value);
        Assert.Contains($"https://www.amd.com/en/products/accelerators/instinct/mi300/{id}.html", hw.Sources.For("bf16"), StringComparison.Ordinal);
        Assert.Equal("infinity-fabric", LinkKind.InfinityFabric.ToId());
    }

    [Fact]
    public void Nvidia_b200_and_l40s_follow_nvidias_pages()
    {
        var b200 = Set.Hardware["b200"];
        // HGX B200: 36 PFLOPS BF16 with sparsity for 8 GPUs -> 4.5 per GPU -> 2.25 dense.
        Assert.Equal(2250e12, b200.Bf16.Value);
        Assert.Equal(4500e12, b200.Fp8!.Value.Value);
        Assert.Equal(7.7e12, b200.MemoryBandwidth.Value);
        Assert.Equal(180L * Bytes.GB, b200.MarketedMemory!.Value.Value);
        Assert.Contains("https://www.nvidia.com/en-us/data-center/hgx/", b200.Sources.For("bf16"), StringComparison.Ordinal);

        var l40s = Set.Hardware["l40s"];
        Assert.Equal(362.05e12, l40s.Bf16.Value, 1e6);
        Assert.Equal(864e9, l40s.MemoryBandwidth.Value);
        Assert.Equal(LinkKind.Pcie, l40s.IntraNodeLink);
        Assert.Contains("https://www.nvidia.com/en-us/data-center/l40s/", l40s.Sources.For("memoryBandwidth"), StringComparison.Ordinal);
    }

    [Fact]
    public void Ascend_910c_says_its_figures_are_unofficial()
    {
        var hw = Set.Hardware["ascend-910c"];
        Assert.Equal(128L * Bytes.GiB, hw.Memory.Value);
        Assert.Equal(780e12, hw.Bf16.Value);
        Assert.Equal(LinkKind.Hccs, hw.IntraNodeLink);
        // Two dies x the 910B3's 3,357 MiB held at rest = 6,714 MiB.
        Assert.Equal(6714L * Bytes.MiB, hw.SystemReservedMemory.Value);
        foreach (var field in new[] { "memory", "memoryBandwidth", "bf16", "intraNodeBandwidth", "systemReservedMemory" })
        {
            Assert.StartsWith("unofficial", hw.Sources.For(field), StringComparison.Ordinal);
        }
    }
}
