namespace PerfGate.Estimation.Calibration;

/// <summary>
/// A hardware profile's measured kernel tables (the column layout of shared/calibration): GEMM, decode
/// attention and bandwidth, and optionally prefill attention (the files of <see cref="CalibrationFiles"/>). Immutable; built once per source and cached by <see cref="CalibrationLoader"/>.
/// </summary>
public sealed class CalibrationTables
{
    public CalibrationTables(string source, GemmTable gemm, AttentionTable attention, BandwidthTable bandwidth, PrefillAttentionTable? prefillAttention = null)
    {
        Source = source;
        Gemm = gemm;
        Attention = attention;
        Bandwidth = bandwidth;
        PrefillAttention = prefillAttention ?? new PrefillAttentionTable([]);
        Fit = KernelFit.Of(gemm, bandwidth);
    }

    /// <summary>The fixed per-kernel part and the weight-stream rate the tables show (see <see cref="KernelFit"/>).</summary>
    public KernelFit Fit { get; }

    /// <summary>Where the tables came from: <c>embedded:h100-sxm</c> or a folder.</summary>
    public string Source { get; }

    public GemmTable Gemm { get; }
    public AttentionTable Attention { get; }
    public BandwidthTable Bandwidth { get; }

    /// <summary>Causal prefill attention (attention_prefill.csv), empty when the folder has none.</summary>
    public PrefillAttentionTable PrefillAttention { get; }
}
