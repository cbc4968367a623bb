namespace PerfGate.Gate;

public enum ScenarioStatus
{
    /// <summary>Every figure equals the baseline, or is within its tolerance.</summary>
    Equal,

    /// <summary>At least one figure moved beyond its tolerance, or appeared or disappeared.</summary>
    Drifted,

    /// <summary>A scenario with no baseline yet.</summary>
    New,

    /// <summary>A baseline whose scenario no longer exists.</summary>
    Removed,
}
