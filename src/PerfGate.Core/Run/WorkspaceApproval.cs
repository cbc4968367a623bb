using PerfGate.Gate;

namespace PerfGate.Run;

/// <summary>
/// What <see cref="WorkspaceRun.Approve"/> did: the evaluation, and when it succeeded, the approvals and the baseline
/// store they were written to (<see cref="Outcome"/> and <see cref="Store"/> are null when the evaluation failed).
/// </summary>
public sealed record WorkspaceApproval(WorkspaceEvaluation Evaluation, ApproveOutcome? Outcome, BaselineStore? Store);
