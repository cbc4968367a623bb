namespace PerfGate.Measurements.Gate;

/// <summary>What the measured gate concluded for one metric at one load point.</summary>
public enum MeasuredVerdict
{
    /// <summary>Worse by at least the floor, and (with several runs) significantly so: fails the gate.</summary>
    Regression,

    /// <summary>Better by at least the floor, and (with several runs) significantly so.</summary>
    Improvement,

    /// <summary>Within the floor, or not significant.</summary>
    Unchanged,

    /// <summary>Fewer runs than the minimum on one side: not judged.</summary>
    TooFewRuns,

    /// <summary>Measured only in the baseline.</summary>
    OnlyInBaseline,

    /// <summary>Measured only in the new runs.</summary>
    OnlyInNew,
}
