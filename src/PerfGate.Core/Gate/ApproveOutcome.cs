using PerfGate.Diagnostics;

namespace PerfGate.Gate;

/// <summary>The approvals planned (and done, see <see cref="Approval.Done"/>), or the errors that stopped approve before any write.</summary>
public sealed record ApproveOutcome(IReadOnlyList<Approval> Approvals, IReadOnlyList<Diagnostic> Errors)
{
    public bool Succeeded => Errors.Count == 0;
}
