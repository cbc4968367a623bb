namespace PerfGate.Measurements.Statistics;

/// <summary>Which difference a test looks for: the second sample larger, smaller, or either.</summary>
public enum Alternative
{
    TwoSided,

    /// <summary>The second (new) sample tends to be larger than the first (baseline).</summary>
    SecondGreater,

    /// <summary>The second (new) sample tends to be smaller than the first (baseline).</summary>
    SecondLess,
}
