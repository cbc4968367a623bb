namespace PerfGate.Estimation.Calibration;

/// <summary>
/// The registration list of calibration tables (one entry per file). The loader's messages, the workspace's inputs
/// (which files of a calibration folder are read and hashed) and the collector schema test derive from it.
/// </summary>
public static class CalibrationFiles
{
    public static CalibrationFile Gemm { get; } = new(CalibrationLoader.GemmFile, CalibrationLoader.GemmColumns, true, "GEMM_COLUMNS");

    public static CalibrationFile AttentionDecode { get; } = new(CalibrationLoader.AttentionFile, CalibrationLoader.AttentionColumns, true, "ATTENTION_COLUMNS");

    public static CalibrationFile Bandwidth { get; } = new(CalibrationLoader.BandwidthFile, CalibrationLoader.BandwidthColumns, true, "BANDWIDTH_COLUMNS");

    /// <summary>Optional: without it causal prefill attention uses the published FlashAttention-3 curve.</summary>
    public static CalibrationFile AttentionPrefill { get; } = new(CalibrationLoader.PrefillAttentionFile, CalibrationLoader.PrefillAttentionColumns, false, "ATTENTION_PREFILL_COLUMNS");

    /// <summary>Every calibration file, in a fixed order.</summary>
    public static IReadOnlyList<CalibrationFile> All { get; } = [Gemm, AttentionDecode, Bandwidth, AttentionPrefill];

    /// <summary>"gemm.csv, attention_decode.csv and bandwidth.csv (attention_prefill.csv optional)", for messages.</summary>
    public static string Described { get; } =
        string.Join(", ", All.Where(f => f.Required).Select(f => f.Name).SkipLast(1)) + " and " + All.Last(f => f.Required).Name
        + " (" + string.Join(", ", All.Where(f => !f.Required).Select(f => f.Name)) + " optional)";
}
