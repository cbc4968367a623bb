namespace PerfGate.Gate;

public enum ApprovalAction
{
    /// <summary>The verified file already held exactly this snapshot.</summary>
    Unchanged,

    /// <summary>A first baseline was written for a new scenario.</summary>
    Created,

    /// <summary>The baseline was replaced by the recomputed snapshot.</summary>
    Updated,

    /// <summary>The baseline of a scenario that no longer exists was deleted.</summary>
    Removed,
}
