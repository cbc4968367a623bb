using PerfGate.Catalog;
using PerfGate.Diagnostics;

namespace PerfGate.Tests.Catalog;

public sealed class StorageTierTests
{
    [Fact]
    public void The_built_in_tiers_cover_hbm_dram_ssd_and_rdma_with_a_source_for_every_figure()
    {
        var tiers = BuiltInCatalog.Load().Storage;
        Assert.Equal(["dram", "hbm", "rdma", "ssd"], tiers.Keys);
        Assert.IsType<ResidentStorage>(tiers["hbm"].Family);
        Assert.IsType<PerCardLinkStorage>(tiers["dram"].Family);
        Assert.IsType<SharedStorage>(tiers["ssd"].Family);
        Assert.IsType<PerCardLinkStorage>(tiers["rdma"].Family);
        Assert.Equal(64e9 * 0.84, tiers["dram"].EffectiveBytesPerSecond, 3);
        Assert.Equal(50e9 * 0.475, tiers["rdma"].EffectiveBytesPerSecond, 3);
        foreach (var tier in tiers.Values.Where(t => t.Family.MovesBytes))
        {
            Assert.False(string.IsNullOrWhiteSpace(tier.Sources.For("bandwidth")));
            Assert.False(string.IsNullOrWhiteSpace(tier.Sources.For("efficiency")));
            Assert.False(string.IsNullOrWhiteSpace(tier.Sources.For("latency")));
        }
    }

    [Fact]
    public void A_user_tier_is_read_strictly()
    {
        var (doc, diagnostics) = CatalogDocumentReader.Load("kind: storage\nid: nvme-raid\nname: 4 x NVMe\nfamily: shared\nbandwidth: 28 GB/s\nefficiency: 0.6\nsource: lab\n", "t.yaml", null);
        Assert.Empty(diagnostics);
        Assert.Equal(28e9 * 0.6, doc!.Storage!.EffectiveBytesPerSecond, 3);

        var (_, bad) = CatalogDocumentReader.Load("kind: storage\nid: x\nname: x\nfamily: tape\nsource: lab\n", "t.yaml", null);
        var error = Assert.Single(bad, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticIds.InvalidValue, error.Id);
        Assert.Equal(4, error.Location.Line);
        Assert.Contains("'per-card'", error.Message, StringComparison.Ordinal);

        var (_, resident) = CatalogDocumentReader.Load("kind: storage\nid: x\nname: x\nfamily: resident\nbandwidth: 1 TB/s\nsource: lab\n", "t.yaml", null);
        Assert.Contains(resident, d => d.Severity == Severity.Error && d.Location.Line == 5 && d.Message.Contains("no meaning", StringComparison.Ordinal));

        var (_, missing) = CatalogDocumentReader.Load("kind: storage\nid: x\nname: x\nfamily: per-card\nsource: lab\n", "t.yaml", null);
        Assert.Contains(missing, d => d.Id == DiagnosticIds.MissingField && d.Message.Contains("bandwidth", StringComparison.Ordinal));
    }
}
