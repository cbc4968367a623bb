using PerfGate.Diagnostics;

namespace PerfGate.Measurements;

/// <summary>The runs read from one report, and the diagnostics (an error means the file was not imported).</summary>
public sealed record MeasuredParseResult(IReadOnlyList<MeasuredRun> Runs, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => !Diagnostics.Any(d => d.Severity == Severity.Error);

    public static MeasuredParseResult Fail(Diagnostic error) => new([], [error]);
}
