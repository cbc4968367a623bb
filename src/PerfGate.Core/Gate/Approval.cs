namespace PerfGate.Gate;

/// <summary>
/// One scenario's approval: what happened to its baseline and, for an update, the comparison with the
/// old baseline (every difference, tolerances ignored) so the command can print what changed.
/// <see cref="Done"/> is false when an I/O failure stopped the approval before this scenario.
/// </summary>
public sealed record Approval(string ScenarioId, ApprovalAction Action, ScenarioComparison? Changes, bool ReceivedWasStale, bool Done = true);
