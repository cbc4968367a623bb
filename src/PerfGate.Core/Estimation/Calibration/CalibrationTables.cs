namespace PerfGate.Estimation.Calibration;

/// <summary>
/// A hardware profile's measured kernel tables (the column layout of shared/calibration): GEMM, decode
/// attention and bandwidth. Immutable; built once per source and cached by <see cref="CalibrationLoader"/>.
/// </summary>
public sealed class CalibrationTables
{
    public CalibrationTables(string source, GemmTable gemm, AttentionTable attention, BandwidthTable bandwidth)
    {
        Source = source;
        Gemm = gemm;
        Attention = attention;
        Bandwidth = bandwidth;
        Fit = KernelFit.Of(gemm, bandwidth);
    }

    /// <summary>The fixed per-kernel part and the weight-stream rate the tables show (see <see cref="KernelFit"/>).</summary>
    public KernelFit Fit { get; }

    /// <summary>Where the tables came from: <c>embedded:h100-sxm</c> or a folder.</summary>
    public string Source { get; }

    public GemmTable Gemm { get; }
    public AttentionTable Attention { get; }
    public BandwidthTable Bandwidth { get; }
}
