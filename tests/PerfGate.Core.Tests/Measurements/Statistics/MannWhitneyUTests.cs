using PerfGate.Measurements.Statistics;

namespace PerfGate.Tests.Measurements.Statistics;

public class MannWhitneyUTests
{
    [Fact]
    public void Fully_separated_samples_of_three_reach_one_in_twenty()
    {
        // Every new value beats every baseline value: U₂ = 9 = n₁n₂, the one arrangement of C(6,3) = 20: p = 0.05.
        var r = MannWhitneyU.Test([1, 2, 3], [4, 5, 6], Alternative.SecondGreater);
        Assert.Equal(9, r.Statistic);
        Assert.True(r.Exact);
        Assert.Equal(0.05, r.PValue, 12);
        Assert.Equal(0.1, MannWhitneyU.Test([1, 2, 3], [4, 5, 6], Alternative.TwoSided).PValue, 12);
        Assert.Equal(1, MannWhitneyU.Test([1, 2, 3], [4, 5, 6], Alternative.SecondLess).PValue, 12);
    }

    [Fact]
    public void Interleaved_samples_by_the_exact_distribution()
    {
        // [1,3,5] vs [2,4,6]: U₂ = 1 + 2 + 3 = 6. The counts of U for m = n = 3 (u = 0..9) are 1,1,2,3,3,3,3,2,1,1 (sum 20):
        // P(U ≥ 6) = (3 + 2 + 1 + 1) / 20 = 0.35.
        var r = MannWhitneyU.Test([1, 3, 5], [2, 4, 6], Alternative.SecondGreater);
        Assert.Equal(6, r.Statistic);
        Assert.Equal(0.35, r.PValue, 12);
    }

    [Fact]
    public void Ties_use_mid_ranks_and_the_corrected_normal_approximation()
    {
        // [1,2,2,3] vs [2,3,4,5]: ranks 1 | 3,3,3 | 5.5,5.5 | 7 | 8; R₂ = 3 + 5.5 + 7 + 8 = 23.5; U₂ = 23.5 - 10 = 13.5.
        // Σ(t³ - t) = 24 + 6 = 30; σ² = 16/12 · (9 - 30/56) = 11.285714; z = (13.5 - 8 - 0.5) / 3.359422 = 1.488351; p = 0.0683291.
        var r = MannWhitneyU.Test([1, 2, 2, 3], [2, 3, 4, 5], Alternative.SecondGreater);
        Assert.Equal(13.5, r.Statistic);
        Assert.False(r.Exact);
        Assert.Equal(0.0683291, r.PValue, 6);
    }
}
