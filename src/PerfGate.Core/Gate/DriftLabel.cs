namespace PerfGate.Gate;

/// <summary>Direction-aware reading of a change. Both regressions and improvements need approval.</summary>
public enum DriftLabel
{
    /// <summary>A neutral figure moved, a text changed, or a figure was added or removed.</summary>
    Change,

    /// <summary>Higher-is-better went down or lower-is-better went up.</summary>
    Regression,

    /// <summary>Higher-is-better went up or lower-is-better went down.</summary>
    Improvement,
}
