using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Evaluation;

/// <summary>
/// The scenario's snapshot, or null when its input is invalid (the error diagnostics say why).
/// Findings of the estimates (a risk, a warning) are in the snapshot's <c>findings</c> table and also
/// returned here; they are results, not input errors.
/// </summary>
public sealed record EvaluationResult(Snapshot? Snapshot, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>The budget and accuracy the estimates computed, for reports that draw them (<see cref="ScenarioDetails"/>).</summary>
    public ScenarioDetails Details { get; init; } = ScenarioDetails.None;
}
