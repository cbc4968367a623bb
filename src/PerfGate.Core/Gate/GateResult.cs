namespace PerfGate.Gate;

/// <summary>The verdict on a workspace: one comparison per scenario, sorted by id (ordinal).</summary>
public sealed record GateResult(IReadOnlyList<ScenarioComparison> Scenarios)
{
    public bool Passed => Scenarios.All(s => !s.FailsGate);

    public int Count(ScenarioStatus status) => Scenarios.Count(s => s.Status == status);
}
