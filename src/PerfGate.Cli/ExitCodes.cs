namespace PerfGate.Cli;

/// <summary>The documented exit codes of <c>perfgate</c> (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Everything is fine: inputs valid, no drift.</summary>
    public const int Success = 0;

    /// <summary>The gate found drift, a new scenario without a baseline, or a removed scenario.</summary>
    public const int Drift = 1;

    /// <summary>Bad input or usage: a config error, an unknown option, a missing file.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in PerfGate itself (an unexpected exception); please report it.</summary>
    public const int InternalError = 3;
}
