namespace PerfGate.Run;

/// <summary>How a gate command ended; the front end maps it to its exit code (0, 1, 2).</summary>
public enum GateVerdict
{
    /// <summary>Everything equal (check, merge) or approved.</summary>
    Passed,

    /// <summary>A drift, a new or a removed scenario.</summary>
    Findings,

    /// <summary>Bad input: invalid configuration, a corrupt baseline, a file that could not be written, a refusal.</summary>
    BadInput,
}
