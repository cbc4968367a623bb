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
        if (k < Math.Min(m, n))
        {
            origin = EfficiencyOrigin.SeedA100ByK;
            var log2K = Math.Log2(k);
            const double slope = (200.0 - 50) / (9 - 6);
            if (log2K >= 10)
            {
                return 260.0 / 312;
            }

            return log2K >= 6 ? (50 + (slope * (log2K - 6))) / 312 : 50.0 / 312;
        }

        var mnMin = Math.Min(m, n);
        var log2Min = Math.Log2(mnMin);
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
        if (k > 4096 && (m >= 1536 || n >= 1536) && mnMin >= 64 && factor < 289.0 / 1979)
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
    /// k - 1 and k, and where the M/N curve rises past the floor): within a piece p / factor(p) first rises
    /// then falls then rises, so its largest value up to m is at one of those points or at m. A GEMM never gets
    /// faster with more rows.
    /// </summary>
    public static double A100MfuMonotone(long m, long n, long k, out EfficiencyOrigin origin)
    {
        var factor = A100Mfu(m, n, k, out origin);
        var worst = m / factor;
        for (long p = 2; p <= m; p *= 2)
        {
            worst = Math.Max(worst, Probe(p - 1, n, k));
            worst = p < m ? Math.Max(worst, Probe(p, n, k)) : worst;
        }

        // Where the M/N curve rises past the floor (30 + 200/3 x (log2 m - 8) = 289/1979 x 312, m = 301.6), the
        // time has a peak between two boundaries: probe its two neighbours.
        var crossing = 256 * Math.Pow(2, ((289.0 / 1979 * 312) - 30) / (200.0 / 3));
        foreach (var edge in new[] { n - 1, n, k - 1, k, (long)Math.Floor(crossing), (long)Math.Ceiling(crossing) })
        {
            if (edge >= 1 && edge < m)
            {
                worst = Math.Max(worst, Probe(edge, n, k));
            }
        }

        return m / worst;
    }

    private static double Probe(long m, long n, long k) => m / A100Mfu(m, n, k, out _);

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
