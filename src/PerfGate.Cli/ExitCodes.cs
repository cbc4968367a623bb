namespace PerfGate.Cli;

/// <summary>The documented exit codes of <c>perfgate</c> (README, "Exit codes").</summary>
public static class ExitCodes
{
    /// <summary>Everything is fine: inputs valid, no drift.</summary>
    public const int Success = 0;

    /// <summary>
    /// A finding: the gate found drift, a new scenario without a baseline, or a removed scenario; or a memory budget or
    /// an estimate found that the plan does not fit or risks running out of memory.
    /// </summary>
    public const int Drift = 1;

    /// <summary>Bad input or usage: a config error, an unknown option, a missing file.</summary>
    public const int BadInput = 2;

    /// <summary>A bug in PerfGate itself (an unexpected exception); please report it.</summary>
    public const int InternalError = 3;

    /// <summary>2 when any error is bad input, 1 when every error is a finding (<see cref="Diagnostics.DiagnosticIds.Findings"/>), else 0.</summary>
    public static int For(IEnumerable<Diagnostics.Diagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.Severity == Diagnostics.Severity.Error).ToList();
        if (errors.Count == 0)
        {
            return Success;
        }

        return errors.All(d => Diagnostics.DiagnosticIds.Findings.Contains(d.Id)) ? Drift : BadInput;
    }

    /// <summary>The exit code of a gate command's verdict (check, merge, approve).</summary>
    public static int Of(Run.GateVerdict verdict) => verdict switch
    {
        Run.GateVerdict.Passed => Success,
        Run.GateVerdict.Findings => Drift,
        Run.GateVerdict.BadInput => BadInput,
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown gate verdict"),
    };
}
