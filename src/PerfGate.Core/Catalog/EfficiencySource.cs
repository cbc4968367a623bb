namespace PerfGate.Catalog;

/// <summary>Which correction turns a roofline into an estimate (issue: decode estimator).</summary>
public enum EfficiencySource
{
    /// <summary>
    /// Seed 002's published factors (A100 GEMM curves, DeepGEMM, FlashMLA, FA3 overlap): the explicit mode that
    /// reproduces the DeepSeek-V3 post's search, no hardware's default.
    /// </summary>
    Seed,

    /// <summary>Measured kernel tables (gemm.csv, attention_decode.csv, bandwidth.csv) interpolated by shape.</summary>
    Measured,

    /// <summary>Plain roofline: peak compute and peak bandwidth.</summary>
    Roofline,

    /// <summary>
    /// For hardware with neither tables nor a sibling to borrow them from: the roofline at the achieved fractions
    /// the shipped H100 tables reach (weight streams, large GEMMs), plus the per-kernel fixed cost (Estimation README).
    /// </summary>
    Achieved,

    /// <summary>As <see cref="Achieved"/>, but GEMM compute at NVIDIA's A100 MFU curve (seed 002): for A100 only.</summary>
    A100Curve,
}
