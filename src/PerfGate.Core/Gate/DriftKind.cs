namespace PerfGate.Gate;

public enum DriftKind
{
    /// <summary>The figure exists in both and its value (or unit) differs.</summary>
    Changed,

    /// <summary>The figure is new in the recomputed snapshot.</summary>
    Added,

    /// <summary>The figure is in the baseline only.</summary>
    Removed,
}
