using PerfGate.Measurements.Statistics;

namespace PerfGate.Tests.Measurements.Statistics;

public class WelchTTestTests
{
    [Fact]
    public void Equal_variances_by_hand()
    {
        // means 11 and 14, s² = 1 each: se = √(1/3 + 1/3) = 0.816497; t = 3 / 0.816497 = 3.674235;
        // ν = (2/3)² / ((1/3)²/2 + (1/3)²/2) = 4; P(T₄ > 3.674235) = 0.0106558 (numerical integral of the t₄ density).
        var r = WelchTTest.Test([10, 11, 12], [13, 14, 15], Alternative.SecondGreater);
        Assert.Equal(3.674235, r.Statistic, 6);
        Assert.Equal(4, r.DegreesOfFreedom!.Value, 9);
        Assert.Equal(0.0106558, r.PValue, 6);
        Assert.Equal(2 * 0.0106558, WelchTTest.Test([10, 11, 12], [13, 14, 15], Alternative.TwoSided).PValue, 6);
        Assert.Equal(1 - 0.0106558, WelchTTest.Test([10, 11, 12], [13, 14, 15], Alternative.SecondLess).PValue, 6);
    }

    [Fact]
    public void Unequal_variances_use_welch_satterthwaite()
    {
        // [1,2,3,4]: mean 2.5, s² 5/3; [2,4,6,8,10]: mean 6, s² 10. e₁ = 5/12, e₂ = 2; t = 3.5 / √(29/12) = 2.251436;
        // ν = (29/12)² / ((5/12)²/3 + 2²/4) = 5.520788; two-sided p = 0.0691336.
        var r = WelchTTest.Test([1, 2, 3, 4], [2, 4, 6, 8, 10], Alternative.TwoSided);
        Assert.Equal(2.251436, r.Statistic, 6);
        Assert.Equal(5.520788, r.DegreesOfFreedom!.Value, 6);
        Assert.Equal(0.0691336, r.PValue, 6);
    }

    [Fact]
    public void Constant_samples_are_certain_either_way()
    {
        Assert.Equal(0, WelchTTest.Test([5, 5], [6, 6], Alternative.SecondGreater).PValue);
        Assert.Equal(1, WelchTTest.Test([5, 5], [6, 6], Alternative.SecondLess).PValue);
        Assert.Equal(1, WelchTTest.Test([5, 5], [5, 5], Alternative.TwoSided).PValue);
    }
}
