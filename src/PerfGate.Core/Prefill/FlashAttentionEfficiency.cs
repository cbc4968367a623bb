using PerfGate.Catalog;

namespace PerfGate.Prefill;

/// <summary>
/// Achieved fraction of the bf16 matrix peak of a causal flash-attention forward pass by sequence length: the published
/// FlashAttention-3 figures (Shah et al., "FlashAttention-3", arXiv 2407.08608, Figure 5, forward, causal, head dim 128,
/// BF16, H100 SXM5) over the H100 SXM's 989 TFLOPS dense bf16 peak. Cards with the FA3 overlap flags (Hopper) use it as
/// published; others borrow it and say so (no published curve of their own here), until a measured prefill-attention
/// table replaces it. Interpolated linearly on log2 of the sequence length, clamped outside 512-16K.
/// </summary>
public static class FlashAttentionEfficiency
{
    /// <summary>(sequence length, TFLOPS) as published.</summary>
    public static IReadOnlyList<(int Sequence, double Tflops)> Fa3CausalH100 { get; } =
    [
        (512, 292), (1024, 423), (2048, 521), (4096, 579), (8192, 602), (16384, 616),
    ];

    /// <summary>The bf16 dense peak the figures were measured against (H100 SXM datasheet).</summary>
    public const double H100PeakTflops = 989;

    public const string PublishedOrigin = "published:fa3-causal";
    public const string BorrowedOrigin = "published:fa3-causal-borrowed";

    /// <summary>The fraction of peak at <paramref name="sequence"/> keys, and the origin id for reports.</summary>
    public static double Fraction(HardwareSpec hardware, double sequence, out string origin)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        origin = hardware.TwoStageFa3 || hardware.ThreeStageFa3 ? PublishedOrigin : BorrowedOrigin;
        var points = Fa3CausalH100;
        if (sequence <= points[0].Sequence)
        {
            return points[0].Tflops / H100PeakTflops;
        }

        for (var i = 1; i < points.Count; i++)
        {
            if (sequence <= points[i].Sequence)
            {
                var (s0, t0) = points[i - 1];
                var (s1, t1) = points[i];
                var w = (Math.Log2(sequence) - Math.Log2(s0)) / (Math.Log2(s1) - Math.Log2(s0));
                return (t0 + (w * (t1 - t0))) / H100PeakTflops;
            }
        }

        return points[^1].Tflops / H100PeakTflops;
    }
}
