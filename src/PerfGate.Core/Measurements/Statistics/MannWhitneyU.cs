namespace PerfGate.Measurements.Statistics;

/// <summary>
/// The Mann-Whitney U test (Wilcoxon rank-sum). U₂ = R₂ - n₂(n₂+1)/2, where R₂ is the rank sum of the second sample
/// (ties get mid-ranks); U₂ counts the pairs where the second sample is larger (ties count ½). Without ties the p-value is
/// exact: the null distribution of U is counted by the recurrence N(u; m, n) = N(u - n; m - 1, n) + N(u; m, n - 1).
/// With ties it uses the normal approximation with the tie-corrected variance
/// σ² = n₁n₂/12 · ((N + 1) - Σ(t³ - t)/(N(N - 1))) and a continuity correction of ½.
/// </summary>
public static class MannWhitneyU
{
    public static TestResult Test(IReadOnlyList<double> first, IReadOnlyList<double> second, Alternative alternative)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Count == 0 || second.Count == 0)
        {
            throw new ArgumentException("the Mann-Whitney U test needs at least one value in each sample");
        }

        var (n1, n2) = (first.Count, second.Count);
        var all = first.Select(v => (Value: v, Second: false)).Concat(second.Select(v => (Value: v, Second: true))).OrderBy(x => x.Value).ToList();
        var ranks = new double[all.Count];
        var tieTerm = 0.0;
        for (var i = 0; i < all.Count;)
        {
            var j = i;
            while (j + 1 < all.Count && all[j + 1].Value == all[i].Value)
            {
                j++;
            }

            var t = j - i + 1;
            tieTerm += ((double)t * t * t) - t;
            for (var k = i; k <= j; k++)
            {
                ranks[k] = (i + j + 2) / 2.0;
            }

            i = j + 1;
        }

        var r2 = Enumerable.Range(0, all.Count).Where(i => all[i].Second).Sum(i => ranks[i]);
        var u2 = r2 - (n2 * (n2 + 1) / 2.0);
        if (tieTerm == 0)
        {
            return new TestResult("mann-whitney", u2, null, ExactP(u2, n1, n2, alternative), true);
        }

        var n = n1 + n2;
        var mean = n1 * n2 / 2.0;
        var sigma = Math.Sqrt(n1 * n2 / 12.0 * (n + 1 - (tieTerm / (n * (n - 1.0)))));
        double Upper(double u) => sigma == 0 ? (u > mean ? 0 : 1) : SpecialFunctions.NormalUpperTail((u - mean - 0.5) / sigma);
        double Lower(double u) => sigma == 0 ? (u < mean ? 0 : 1) : SpecialFunctions.NormalUpperTail((mean - u - 0.5) / sigma);
        var p = alternative switch
        {
            Alternative.SecondGreater => Upper(u2),
            Alternative.SecondLess => Lower(u2),
            Alternative.TwoSided => Math.Min(1, 2 * Math.Min(Upper(u2), Lower(u2))),
            _ => throw new ArgumentOutOfRangeException(nameof(alternative)),
        };
        return new TestResult("mann-whitney", u2, null, Math.Min(1, p), false);
    }

    private static double ExactP(double u2, int n1, int n2, Alternative alternative)
    {
        var counts = Distribution(n1, n2);
        var total = counts.Sum();
        var u = (int)Math.Round(u2);
        double AtLeast(int x) => counts.Skip(Math.Max(0, x)).Sum() / total;
        double AtMost(int x) => x < 0 ? 0 : counts.Take(x + 1).Sum() / total;
        return alternative switch
        {
            Alternative.SecondGreater => AtLeast(u),
            Alternative.SecondLess => AtMost(u),
            Alternative.TwoSided => Math.Min(1, 2 * Math.Min(AtLeast(u), AtMost(u))),
            _ => throw new ArgumentOutOfRangeException(nameof(alternative)),
        };
    }

    /// <summary>How many arrangements of n₁ + n₂ distinct values give each U from 0 to n₁n₂.</summary>
    private static double[] Distribution(int n1, int n2)
    {
        // f[m][n][u] built bottom-up over m; each row keeps the counts for every n up to n2.
        var previous = new double[n2 + 1][];
        for (var n = 0; n <= n2; n++)
        {
            previous[n] = [1];
        }

        for (var m = 1; m <= n1; m++)
        {
            var current = new double[n2 + 1][];
            current[0] = [1];
            for (var n = 1; n <= n2; n++)
            {
                var row = new double[(m * n) + 1];
                for (var u = 0; u < row.Length; u++)
                {
                    var fromFirst = u - n >= 0 && u - n < previous[n].Length ? previous[n][u - n] : 0;
                    var fromSecond = u < current[n - 1].Length ? current[n - 1][u] : 0;
                    row[u] = fromFirst + fromSecond;
                }

                current[n] = row;
            }

            previous = current;
        }

        return previous[n2];
    }
}
