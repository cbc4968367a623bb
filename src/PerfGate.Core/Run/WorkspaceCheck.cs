using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Run;

/// <summary>
/// What <see cref="WorkspaceRun.Check"/> found: the evaluation, and when it succeeded, the comparison with the
/// baselines (<see cref="Result"/>; null when a baseline is corrupt) and the gate's own errors (corrupt baselines,
/// received snapshots that could not be written: PG1004, PG1007). <see cref="InputFiles"/> lists, as absolute paths
/// sorted ordinal, every file the run read: what an incremental build must watch to know when to run it again.
/// </summary>
public sealed record WorkspaceCheck(WorkspaceEvaluation Evaluation, GateResult? Result, IReadOnlyList<Diagnostic> GateErrors)
{
    public IReadOnlyList<string> InputFiles { get; init; } = [];
}
