using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Run;

/// <summary>One scenario evaluated: its recomputed snapshot, or null with the errors that prevented it.</summary>
public sealed record ScenarioOutcome(string ScenarioId, CurrentScenario? Scenario, IReadOnlyList<Diagnostic> Diagnostics);
