using PerfGate.Diagnostics;

namespace PerfGate.Memory;

/// <summary>A scenario's memory budget: the request it was computed from and the budget (both null when the inputs were unusable), and every finding.</summary>
public sealed record ScenarioMemoryResult(MemoryRequest? Request, MemoryBudget? Budget, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
