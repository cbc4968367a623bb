using PerfGate.Measurements.Accuracy;
using PerfGate.Memory;

namespace PerfGate.Evaluation;

/// <summary>
/// What a scenario's evaluation produced besides its snapshot, for pictures the snapshot's rounded figures cannot
/// redraw: the memory budget (<see cref="MemoryBudgetSvg"/>, as <c>perfgate memory --svg</c> draws it), the accuracy
/// against the measured runs (<see cref="AccuracySvg"/>, placed at each run's sustained request rate) and how long the
/// evaluation took (JUnit's <c>time</c>). Never compared, never written to a baseline: a report that draws it is
/// exactly as deterministic as its caller makes <see cref="EvaluationTime"/> (tests leave it zero).
/// </summary>
public sealed record ScenarioDetails
{
    public static ScenarioDetails None { get; } = new();

    /// <summary>The <c>memory:</c> section's budget; null when the scenario has none.</summary>
    public MemoryBudget? Memory { get; init; }

    /// <summary>The <c>measured:</c> section's estimates beside the measurements; null when the scenario has none.</summary>
    public AccuracyResult? Accuracy { get; init; }

    /// <summary>Wall-clock time the scenario's evaluation took (zero unless the host measured it).</summary>
    public TimeSpan EvaluationTime { get; init; }
}
