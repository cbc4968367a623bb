namespace PerfGate.Catalog;

/// <summary>Which correction turns a roofline into an estimate (issue: decode estimator).</summary>
public enum EfficiencySource
{
    /// <summary>Seed 002's published factors (A100 GEMM curves, DeepGEMM, FlashMLA, FA3 overlap).</summary>
    Seed,

    /// <summary>Measured kernel tables (gemm.csv, attention_decode.csv, bandwidth.csv) interpolated by shape.</summary>
    Measured,

    /// <summary>Plain roofline: peak compute and peak bandwidth.</summary>
    Roofline,
}
