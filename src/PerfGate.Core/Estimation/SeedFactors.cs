using PerfGate.Catalog;

namespace PerfGate.Estimation;

/// <summary>
/// Seed 002's efficiency factors, exactly as its code states them: fractions of peak throughput.
/// </summary>
public static class SeedFactors
{
    /// <summary>
    /// DeepGEMM masked-layout factors by tokens per expert (seed: <c>moe_factory</c>), from DeepGEMM's H800
    /// table, over the 1979 TFLOPS fp8 peak. <paramref name="up"/> selects the up (gate+up, N = 2 x I) GEMM,
    /// otherwise the down GEMM.
    /// </summary>
    public static double DeepGemm(long tokensPerExpert, bool up) => tokensPerExpert switch
    {
        >= 1024 => (up ? 1233.0 : 925.0) / 1979,
        >= 512 => (up ? 1040.0 : 916.0) / 1979,
        >= 256 => (up ? 932.0 : 815.0) / 1979,
        >= 128 => (up ? 533.0 : 510.0) / 1979,
        _ => (up ? 287.0 : 295.0) / 1979,
    };

    /// <summary>
    /// NVIDIA's A100 MFU curves linearised on log2 of the smallest dimension (seed's non-DeepGEMM branch),
    /// with its floor of 289/1979 for K &gt; 4096 and M or N &gt;= 1536 and min(M, N) &gt;= 64.
    /// </summary>
    public static double A100Mfu(long m, long n, long k, out EfficiencyOrigin origin)
    {
        var mnMin = Math.Min(m, n);
        return k < mnMin ? ByK(Math.Log2(k), out origin) : ByMn(mnMin, Math.Log2(mnMin), m, n, k, out origin);
    }

    /// <summary>The by-K branch of <see cref="A100Mfu"/> (k &lt; min(M, N)), from log2 k.</summary>
    private static double ByK(double log2K, out EfficiencyOrigin origin)
    {
        origin = EfficiencyOrigin.SeedA100ByK;
        const double slope = (200.0 - 50) / (9 - 6);
        if (log2K >= 10)
        {
            return 260.0 / 312;
        }

        return log2K >= 6 ? (50 + (slope * (log2K - 6))) / 312 : 50.0 / 312;
    }

    /// <summary>The by-min(M, N) branch of <see cref="A100Mfu"/>, from min(M, N) and its log2, with the floor.</summary>
    private static double ByMn(long mnMin, double log2Min, long m, long n, long k, out EfficiencyOrigin origin)
    {
        const double mnSlope = (230.0 - 30) / (11 - 8);
        double factor;
        if (log2Min >= 11)
        {
            factor = 260.0 / 312;
        }
        else if (log2Min >= 8)
        {
            factor = (30 + (mnSlope * (log2Min - 8))) / 312;
        }
        else
        {
            factor = 30.0 / 312;
        }

        origin = EfficiencyOrigin.SeedA100ByMN;
        if (k > 4096 && (m >= FloorRows || n >= FloorRows) && mnMin >= 64 && factor < 289.0 / 1979)
        {
            factor = 289.0 / 1979;
            origin = EfficiencyOrigin.SeedA100Floor;
        }

        return factor;
    }

    /// <summary>
    /// <see cref="A100Mfu"/> made monotone in m: the curve is piecewise (the floor starts at min(M, N) = 64, the
    /// M/N branch jumps from 230 to 260 at 2048, the branch changes where m passes k), so m / factor(m), which
    /// the GEMM's time is proportional to, can fall where a piece starts. The effective factor is
    /// m / max(p / factor(p)) over m and both sides of each piece boundary below m (2^j - 1 and 2^j, n - 1 and n,
    /// k - 1 and k, 1,535 and 1,536 where the floor starts, and where the M/N curve rises past the floor): within a
    /// piece p / factor(p) first rises then falls then rises, so its largest value up to m is at one of those points or
    /// at m. A GEMM never gets faster with more rows.
    /// </summary>
    /// <remarks>
    /// Every branch's factor is at least 30/312 (the M/N curve's lowest value; the K curve starts at 50/312 and the
    /// floor only raises a factor), so a probe at p is at most p x 312/30 = 10.4 p. The powers of two are probed from
    /// the largest down, and the walk stops once even that bound (taken as 11 p, above 10.4 p by more than any
    /// rounding) is below the largest value found: every probe it skips is smaller than the maximum, which is
    /// therefore the same. Each probe's factor is the one <see cref="A100Mfu"/> gives, with its logarithm taken
    /// from tables or once per call (<see cref="FactorAt"/>).
    /// </remarks>
    public static double A100MfuMonotone(long m, long n, long k, out EfficiencyOrigin origin)
    {
        var logs = new Log2Pair(n, k);
        var factor = FactorAt(m, n, k, ref logs, out origin);
        var worst = m / factor;
        for (var j = m >= 2 ? 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)m) : 0; j >= 1; j--)
        {
            var p = 1L << j;
            if (p * ProbeBound < worst)
            {
                break;
            }

            worst = Math.Max(worst, ProbeAt(p - 1, n, k, ref logs));
            worst = p < m ? Math.Max(worst, ProbeAt(p, n, k, ref logs)) : worst;
        }

        // Where m passes n (min(M, N) stops growing) and k (the branch changes): both sides.
        worst = ProbeEdge(n - 1, m, n, k, worst, ref logs);
        worst = ProbeEdge(n, m, n, k, worst, ref logs);
        worst = ProbeEdge(k - 1, m, n, k, worst, ref logs);
        worst = ProbeEdge(k, m, n, k, worst, ref logs);
        // Where the M/N curve rises past the floor (30 + 200/3 x (log2 m - 8) = 289/1979 x 312, m = 301.6), the
        // time has a peak between two boundaries: probe its two neighbours.
        worst = ProbeEdge(CrossingBelow, m, n, k, worst, ref logs);
        worst = ProbeEdge(CrossingAbove, m, n, k, worst, ref logs);
        // The floor also starts where M reaches 1,536 rows (when N is below that): probe both sides.
        worst = ProbeEdge(FloorRows - 1, m, n, k, worst, ref logs);
        worst = ProbeEdge(FloorRows, m, n, k, worst, ref logs);
        return m / worst;
    }

    /// <summary>The floor applies from M or N = 1,536 (with K &gt; 4096 and min(M, N) &gt;= 64).</summary>
    private const long FloorRows = 1536;

    /// <summary>An upper bound of p / factor(p) over p: 312/30 = 10.4, rounded up to 11.</summary>
    private const double ProbeBound = 11;

    /// <summary>Where the M/N curve rises past the floor: 256 x 2^((289/1979 x 312 - 30) / (200/3)) = 301.6.</summary>
    private static readonly double Crossing = 256 * Math.Pow(2, ((289.0 / 1979 * 312) - 30) / (200.0 / 3));
    private static readonly long CrossingBelow = (long)Math.Floor(Crossing);
    private static readonly long CrossingAbove = (long)Math.Ceiling(Crossing);

    /// <summary>log2(2^j) and log2(2^j - 1) for j = 0..62, as Math.Log2 gives them.</summary>
    private static readonly double[] Log2Power = Enumerable.Range(0, 63).Select(i => Math.Log2(1L << i)).ToArray();
    private static readonly double[] Log2PowerMinusOne = Enumerable.Range(0, 63).Select(i => Math.Log2((1L << i) - 1)).ToArray();

    private static double ProbeEdge(long edge, long m, long n, long k, double worst, ref Log2Pair logs) =>
        edge >= 1 && edge < m && edge * ProbeBound >= worst ? Math.Max(worst, ProbeAt(edge, n, k, ref logs)) : worst;

    private static double ProbeAt(long p, long n, long k, ref Log2Pair logs) => p / FactorAt(p, n, k, ref logs, out _);

    /// <summary>
    /// <see cref="A100Mfu"/> at m = <paramref name="p"/>, taking only the logarithm its branch reads: log2 k or log2 n
    /// from <paramref name="logs"/>, log2 p from the power-of-two tables where p is 2^j or 2^j - 1 (the same Math.Log2
    /// values).
    /// </summary>
    private static double FactorAt(long p, long n, long k, ref Log2Pair logs, out EfficiencyOrigin origin)
    {
        var mnMin = Math.Min(p, n);
        return k < mnMin ? ByK(logs.K, out origin) : ByMn(mnMin, p <= n ? Log2Of(p) : logs.N, p, n, k, out origin);
    }

    /// <summary>Math.Log2 of a positive integer, from the tables where it is 2^j or 2^j - 1.</summary>
    private static double Log2Of(long p)
    {
        if (p >= 1 && p <= 1L << 62)
        {
            var j = 63 - System.Numerics.BitOperations.LeadingZeroCount((ulong)p);
            if (p == 1L << j)
            {
                return Log2Power[j];
            }

            if (j < 62 && p == (1L << (j + 1)) - 1)
            {
                return Log2PowerMinusOne[j + 1];
            }
        }

        return Math.Log2(p);
    }

    /// <summary>log2 n and log2 k of one GEMM, each taken the first time a probe reads it (most probes read neither).</summary>
    private struct Log2Pair(long n, long k)
    {
        private double _n = double.NaN;
        private double _k = double.NaN;

        public double N => double.IsNaN(_n) ? _n = Math.Log2(n) : _n;

        public double K => double.IsNaN(_k) ? _k = Math.Log2(k) : _k;
    }

    /// <summary>
    /// FlashMLA shape factor by q_len x heads: H20 125/148 (FlashMLA issue #30); other cards H100's
    /// 550/989 at 256 and 510/989 at 128 (achatbot PR #123). The seed raises an error for any other
    /// product; PerfGate clamps to the nearest of the two (and interpolates between them) and says so
    /// through <paramref name="exact"/>.
    /// </summary>
    public static double FlashMla(HardwareSpec hardware, int queryRowsPerKvHead, out bool exact)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        exact = queryRowsPerKvHead is 128 or 256;
        if (IsH20(hardware))
        {
            return 125.0 / 148;
        }

        return queryRowsPerKvHead switch
        {
            >= 256 => 550.0 / 989,
            <= 128 => 510.0 / 989,
            _ => (510.0 + (40.0 * (queryRowsPerKvHead - 128) / 128)) / 989,
        };
    }

    /// <summary>
    /// The seed's FA3 overlap of the two attention GEMMs with the softmax (vector) work:
    /// three-stage: max(vector, gemm0 + gemm1); two-stage (Hopper): gemm0 + max(vector, gemm1);
    /// neither (Ampere/Ada): gemm0 + gemm1 + vector. Times in seconds.
    /// </summary>
    public static double Fa3Overlap(HardwareSpec hardware, double gemm0, double gemm1, double vector)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        if (hardware.ThreeStageFa3)
        {
            return Math.Max(vector, gemm0 + gemm1);
        }

        return hardware.TwoStageFa3 ? gemm0 + Math.Max(vector, gemm1) : gemm0 + gemm1 + vector;
    }

    /// <summary>Seed 002 tests <c>hw.name.startswith("H20")</c>; PerfGate tests the id or the name.</summary>
    public static bool IsH20(HardwareSpec hardware)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        return hardware.Id.StartsWith("h20", StringComparison.OrdinalIgnoreCase) && !hardware.Id.StartsWith("h200", StringComparison.OrdinalIgnoreCase)
            || hardware.Name.StartsWith("H20", StringComparison.Ordinal) && !hardware.Name.StartsWith("H200", StringComparison.Ordinal);
    }
}
