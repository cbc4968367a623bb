using PerfGate.Diagnostics;

namespace PerfGate.Gate;

/// <summary>A freshly computed snapshot and where its scenario was defined (for diagnostics about new scenarios).</summary>
public sealed record CurrentScenario(Snapshot Snapshot, SourceLocation Location)
{
    /// <summary>What reports draw besides the figures (memory budget, accuracy, evaluation time); never compared.</summary>
    public Evaluation.ScenarioDetails Details { get; init; } = Evaluation.ScenarioDetails.None;
}
