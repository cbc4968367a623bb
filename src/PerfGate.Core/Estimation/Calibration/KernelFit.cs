using PerfGate.Quantities;

namespace PerfGate.Estimation.Calibration;

/// <summary>
/// What the tables say about small kernels, derived once per table set (README, "Per-kernel cost"):
/// the fixed part of one real kernel inside a CUDA graph and the rate a weight stream reaches above it.
/// </summary>
/// <remarks>
/// Derivation: a small GEMM at m = 1 streams its weight W once, so its time is <c>t = f + W / B</c>: additive,
/// a fixed part f (launch, prologue, the first DRAM round trips, the tail) plus bytes over the bandwidth the
/// stream reaches. A least-squares line of the bf16 m = 1 rows' time against W, over weights of 4 MiB to 64 MiB
/// (the small shapes; smaller weights sit in L2 under the collector's rotation, larger ones carry no
/// information about f), gives f as its intercept and B as its inverse slope. On the shipped H100 tables the
/// seven rows give f = 3.63 us and B = 2.73 TB/s (0.82 of the 3.35 TB/s spec). When the collector has
/// measured a chain of small real kernels in one graph (bandwidth.csv <c>kernel_chain</c>), that row is f.
/// </remarks>
public sealed record KernelFit(double FixedSeconds, double StreamBytesPerSecond, string FixedSource)
{
    /// <summary>Smallest and largest weight of the rows the line is fitted to.</summary>
    public const long MinWeightBytes = 4L << 20;

    /// <summary>Largest weight of the rows the line is fitted to.</summary>
    public const long MaxWeightBytes = 64L << 20;

    /// <summary>Fits the tables; NaN figures when there are fewer than two usable rows.</summary>
    public static KernelFit Of(GemmTable gemm, BandwidthTable bandwidth)
    {
        ArgumentNullException.ThrowIfNull(gemm);
        ArgumentNullException.ThrowIfNull(bandwidth);
        double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
        foreach (var r in gemm.Rows)
        {
            var w = (double)r.N * r.K * 2;
            if (r.Type != DataType.Bf16 || r.M != 1 || w < MinWeightBytes || w > MaxWeightBytes)
            {
                continue;
            }

            var t = r.TimeMicroseconds * 1e-6;
            n++;
            sx += w;
            sy += t;
            sxx += w * w;
            sxy += w * t;
        }

        var slope = n >= 2 ? ((n * sxy) - (sx * sy)) / ((n * sxx) - (sx * sx)) : double.NaN;
        var intercept = n >= 2 ? (sy - (slope * sx)) / n : double.NaN;
        var stream = slope > 0 ? 1 / slope : double.NaN;
        if (!double.IsNaN(bandwidth.KernelChainSeconds))
        {
            return new KernelFit(bandwidth.KernelChainSeconds, stream, "bandwidth.csv kernel_chain");
        }

        return intercept > 0
            ? new KernelFit(intercept, stream, "intercept of the bf16 m=1 gemm.csv rows of 4-64 MiB")
            : new KernelFit(double.NaN, stream, "none");
    }
}
