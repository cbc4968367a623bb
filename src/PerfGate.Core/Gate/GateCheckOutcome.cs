using PerfGate.Diagnostics;

namespace PerfGate.Gate;

/// <summary>
/// What <see cref="GateRunner.Check"/> found: the comparison, or the errors that prevented it (corrupt baselines,
/// <see cref="Result"/> null). With a result, <see cref="Errors"/> holds received files that could not be written
/// or deleted (PG1007): the comparison is valid, the run still counts as failed on input (exit 2).
/// </summary>
public sealed record GateCheckOutcome(GateResult? Result, IReadOnlyList<Diagnostic> Errors);
