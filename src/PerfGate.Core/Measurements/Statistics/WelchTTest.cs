namespace PerfGate.Measurements.Statistics;

/// <summary>
/// Welch's unequal-variances t-test: t = (mean₂ - mean₁) / √(s₁²/n₁ + s₂²/n₂), degrees of freedom by Welch-Satterthwaite
/// ν = (s₁²/n₁ + s₂²/n₂)² / ((s₁²/n₁)²/(n₁-1) + (s₂²/n₂)²/(n₂-1)), p from Student's t. Needs two values on each side.
/// Both samples constant: p = 0 when the means differ in the direction asked, 1 otherwise.
/// </summary>
public static class WelchTTest
{
    public static TestResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second, Alternative alternative)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count < 2 || second.Count < 2)
        {
            throw new ArgumentException("Welch's t-test needs at least two values in each sample");
        }

        var (m1, v1) = MeanAndVariance(first);
        var (m2, v2) = MeanAndVariance(second);
        var (e1, e2) = (v1 / first.Count, v2 / second.Count);
        var se = Math.Sqrt(e1 + e2);
        if (se == 0)
        {
            var differs = alternative switch
            {
                Alternative.SecondGreater => m2 > m1,
                Alternative.SecondLess => m2 < m1,
                Alternative.TwoSided => m2 != m1,
                _ => throw new ArgumentOutOfRangeException(nameof(alternative)),
            };
            return new TestResult("welch", m2 == m1 ? 0 : (m2 > m1 ? double.PositiveInfinity : double.NegativeInfinity), null, differs ? 0 : 1, true);
        }

        var t = (m2 - m1) / se;
        var df = (e1 + e2) * (e1 + e2) / ((e1 * e1 / (first.Count - 1)) + (e2 * e2 / (second.Count - 1)));
        var p = alternative switch
        {
            Alternative.SecondGreater => SpecialFunctions.StudentUpperTail(t, df),
            Alternative.SecondLess => SpecialFunctions.StudentUpperTail(-t, df),
            Alternative.TwoSided => Math.Min(1, 2 * SpecialFunctions.StudentUpperTail(Math.Abs(t), df)),
            _ => throw new ArgumentOutOfRangeException(nameof(alternative)),
        };
        return new TestResult("welch", t, df, p, false);
    }

    internal static (double Mean, double Variance) MeanAndVariance(IReadOnlyList<double> xs)
    {
        var mean = xs.Average();
        var variance = xs.Sum(x => (x - mean) * (x - mean)) / (xs.Count - 1);
        return (mean, variance);
    }
}
