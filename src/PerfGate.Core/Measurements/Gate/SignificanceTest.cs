namespace PerfGate.Measurements.Gate;

/// <summary>The two-sample test the measured gate runs when both sides have several runs.</summary>
public enum SignificanceTest
{
    /// <summary>Welch's unequal-variances t-test (means; more power with few, roughly normal runs).</summary>
    Welch,

    /// <summary>Mann-Whitney U (ranks; robust to outliers, but 3 vs 3 runs cannot go below p = 0.05 one-sided).</summary>
    MannWhitney,
}
