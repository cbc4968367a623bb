using PerfGate.Estimation;

namespace PerfGate.Tests.Estimation;

/// <summary>Seed 002's factors at and around their breakpoints, as its code states them.</summary>
public sealed class SeedFactorsTests
{
    [Theory]
    [InlineData(4096, 1233, 925)]
    [InlineData(1024, 1233, 925)]
    [InlineData(1023, 1040, 916)]
    [InlineData(512, 1040, 916)]
    [InlineData(511, 932, 815)]
    [InlineData(256, 932, 815)]
    [InlineData(255, 533, 510)]
    [InlineData(128, 533, 510)]
    [InlineData(127, 287, 295)]
    [InlineData(1, 287, 295)]
    public void DeepGemm_factor_by_tokens_per_expert(long m, int up, int down)
    {
        Assert.Equal(up / 1979.0, SeedFactors.DeepGemm(m, up: true));
        Assert.Equal(down / 1979.0, SeedFactors.DeepGemm(m, up: false));
    }

    [Theory]
    // K branch (K < min(M, N)): 50 TFLOPS at log2 K = 6, +50 per step, 200 at 9, 260 from 10.
    [InlineData(4096, 4096, 32, 50.0, EfficiencyOrigin.SeedA100ByK)]
    [InlineData(4096, 4096, 64, 50.0, EfficiencyOrigin.SeedA100ByK)]
    [InlineData(4096, 4096, 512, 200.0, EfficiencyOrigin.SeedA100ByK)]
    [InlineData(4096, 4096, 1024, 260.0, EfficiencyOrigin.SeedA100ByK)]
    // M/N branch: 30 at log2 min(M, N) <= 8, +200/3 per step, 260 from 11.
    [InlineData(128, 4096, 4096, 30.0, EfficiencyOrigin.SeedA100ByMN)]
    [InlineData(256, 4096, 4096, 30.0, EfficiencyOrigin.SeedA100ByMN)]
    [InlineData(1024, 4096, 4096, 30.0 + (200.0 / 3 * 2), EfficiencyOrigin.SeedA100ByMN)]
    [InlineData(2048, 4096, 4096, 260.0, EfficiencyOrigin.SeedA100ByMN)]
    public void A100_mfu_curve_on_log2_of_the_smallest_dimension(long m, long n, long k, double tflops, EfficiencyOrigin origin)
    {
        Assert.Equal(tflops / 312, SeedFactors.A100Mfu(m, n, k, out var o), 12);
        Assert.Equal(origin, o);
    }

    [Fact]
    public void A100_curve_floor_applies_only_with_k_over_4096_a_large_side_and_min_mn_at_least_64()
    {
        // DeepGEMM-like 64 x 2112 x 7168: the curve gives 30/312 = 0.096, the floor 289/1979 = 0.146.
        Assert.Equal(289.0 / 1979, SeedFactors.A100Mfu(64, 2112, 7168, out var o));
        Assert.Equal(EfficiencyOrigin.SeedA100Floor, o);
        // K = 4096 is not > 4096; min(M, N) = 32 < 64; neither side >= 1536: no floor.
        Assert.Equal(30.0 / 312, SeedFactors.A100Mfu(64, 2112, 4096, out _));
        Assert.Equal(30.0 / 312, SeedFactors.A100Mfu(32, 2112, 7168, out _));
        Assert.Equal(30.0 / 312, SeedFactors.A100Mfu(64, 1024, 7168, out _));
    }

    [Fact]
    public void FlashMla_factor_by_query_rows_and_card()
    {
        Assert.Equal(550.0 / 989, SeedFactors.FlashMla(SeedFixtures.H800, 256, out var exact256));
        Assert.True(exact256);
        Assert.Equal(510.0 / 989, SeedFactors.FlashMla(SeedFixtures.H800, 128, out var exact128));
        Assert.True(exact128);
        Assert.Equal(125.0 / 148, SeedFactors.FlashMla(SeedFixtures.H20, 128, out _));
        Assert.Equal(125.0 / 148, SeedFactors.FlashMla(SeedFixtures.H20, 256, out _));
        // Outside the seed's two shapes it raises; PerfGate clamps and says the value was not exact.
        Assert.Equal(510.0 / 989, SeedFactors.FlashMla(SeedFixtures.A100, 64, out var exact64));
        Assert.False(exact64);
        Assert.Equal(530.0 / 989, SeedFactors.FlashMla(SeedFixtures.A100, 192, out _), 12);
    }

    [Fact]
    public void Fa3_overlap_two_three_and_no_stage()
    {
        // gemm0 = 3, gemm1 = 2, vector = 4 (any unit).
        Assert.Equal(3 + 4, SeedFactors.Fa3Overlap(SeedFixtures.H800, 3, 2, 4));      // two-stage: g0 + max(v, g1)
        Assert.Equal(3 + 2 + 4, SeedFactors.Fa3Overlap(SeedFixtures.A100, 3, 2, 4));  // Ampere: g0 + g1 + v
        var future = SeedFixtures.H800 with { TwoStageFa3 = false, ThreeStageFa3 = true };
        Assert.Equal(5, SeedFactors.Fa3Overlap(future, 3, 2, 4));                     // three-stage: max(v, g0 + g1)
    }

    [Fact]
    public void H20_is_recognised_by_id_or_name_but_not_h200()
    {
        Assert.True(SeedFactors.IsH20(SeedFixtures.H20));
        Assert.False(SeedFactors.IsH20(SeedFixtures.H800 with { Id = "h200", Name = "NVIDIA H200" }));
        Assert.True(SeedFactors.IsH20(SeedFixtures.H800 with { Id = "my-card", Name = "H20 96GB" }));
    }
}
