namespace PerfGate.Catalog;

/// <summary>How a sibling's measured table time is carried over to this hardware.</summary>
public enum TransferRule
{
    /// <summary>
    /// Each table time keeps its efficiency: the time above the fixed per-kernel part scales with the ratio of the
    /// two cards' rooflines for that kernel (peak ratio where compute-bound, spec bandwidth ratio where
    /// memory-bound); the fixed per-kernel part does not scale.
    /// </summary>
    SpecRatio,
}
