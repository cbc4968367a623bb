using PerfGate.Diagnostics;

namespace PerfGate.Gate;

/// <summary>What <see cref="GateRunner.Check"/> found: the comparison, or the errors that prevented it (corrupt baselines).</summary>
public sealed record GateCheckOutcome(GateResult? Result, IReadOnlyList<Diagnostic> Errors);
