using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Run;

/// <summary>
/// What <see cref="WorkspaceRun.Check"/> found: the evaluation, and when it succeeded, the comparison with the
/// baselines (<see cref="Result"/>; null when a baseline is corrupt) and the gate's own errors (corrupt baselines,
/// received snapshots that could not be written: PG1004, PG1007).
/// </summary>
public sealed record WorkspaceCheck(WorkspaceEvaluation Evaluation, GateResult? Result, IReadOnlyList<Diagnostic> GateErrors);
