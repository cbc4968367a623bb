using PerfGate.Catalog;
using PerfGate.Prefill;

namespace PerfGate.Tests.Prefill;

public sealed class FlashAttentionEfficiencyTests
{
    private static readonly CatalogSet Catalog = BuiltInCatalog.Load();

    [Fact]
    public void Published_points_are_reproduced_interpolated_on_log2_and_clamped()
    {
        var h100 = Catalog.Hardware["h100-sxm"];
        // FlashAttention-3 paper, causal, head dim 128: 521 TFLOPS at 2K, 579 at 4K; 3K lies log2(3/2)/1 = 0.585 of the way.
        Assert.Equal(521 / 989.0, FlashAttentionEfficiency.Fraction(h100, 2048, out var origin), 12);
        Assert.Equal(FlashAttentionEfficiency.PublishedOrigin, origin);
        Assert.Equal((521 + (Math.Log2(1.5) * 58)) / 989.0, FlashAttentionEfficiency.Fraction(h100, 3072, out _), 12);
        Assert.Equal(292 / 989.0, FlashAttentionEfficiency.Fraction(h100, 100, out _), 12);
        Assert.Equal(616 / 989.0, FlashAttentionEfficiency.Fraction(h100, 100_000, out _), 12);
        FlashAttentionEfficiency.Fraction(Catalog.Hardware["a100-80g"], 2048, out var borrowed);
        Assert.Equal(FlashAttentionEfficiency.BorrowedOrigin, borrowed);
    }
}
