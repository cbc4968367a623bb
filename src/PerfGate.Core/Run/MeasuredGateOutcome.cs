using PerfGate.Diagnostics;
using PerfGate.Measurements.Gate;

namespace PerfGate.Run;

/// <summary>
/// A workspace's measured gate run: the gate (null when it could not be chosen), the comparison (compare only; null on
/// bad input), the baseline files compared or written and the ones an approval removed (workspace-relative, sorted),
/// and every diagnostic. <see cref="Succeeded"/> is false when any diagnostic is an error (exit 2).
/// </summary>
public sealed record MeasuredGateOutcome(
    MeasuredGateSpec? Gate,
    MeasuredComparison? Comparison,
    IReadOnlyList<string> BaselineFiles,
    IReadOnlyList<string> Removed,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Succeeded => Diagnostics.All(d => d.Severity != Severity.Error);

    /// <summary>What a successful approval of gate <paramref name="gateName"/> prints: each report approved and removed, then where to commit them.</summary>
    public IEnumerable<string> ApprovalLines(string gateName) =>
    [
        .. BaselineFiles.Select(f => $"approved  {f}"),
        .. Removed.Select(f => $"removed   {f}"),
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Measured gate '{gateName}': {BaselineFiles.Count} baseline report(s). Review and commit the changes in {Path.GetDirectoryName(BaselineFiles[0])!.Replace('\\', '/')}/."),
    ];
}
