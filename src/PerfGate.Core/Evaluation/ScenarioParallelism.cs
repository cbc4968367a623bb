using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Scenarios;

namespace PerfGate.Evaluation;

/// <summary>
/// Checks a scenario's <c>parallelism:</c> against its model for every scenario, whichever sections it has
/// (the decode estimator's rules, <see cref="DecodeEstimator.ValidateParallelism"/>: TP divides the attention
/// heads, and divides the KV heads or is a multiple of them). Used by the workspace loader (so <c>validate</c>
/// reports it) and by the evaluator (so a scenario built in code cannot skip it). Errors are located at the
/// scenario's <c>parallelism.tp</c> key.
/// </summary>
public static class ScenarioParallelism
{
    public static IReadOnlyList<Diagnostic> Validate(ScenarioSpec scenario, ModelSpec model)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(model);
        var at = scenario.KeyLocations.ContainsKey("parallelism.tp") ? scenario.LocationOf("parallelism.tp") : scenario.LocationOf("parallelism");
        return DecodeEstimator.ValidateParallelism(model, scenario.Parallelism, at)
            .Select(d => d with { Message = $"scenario '{scenario.Id}': parallelism.tp: {d.Message}" })
            .ToArray();
    }
}
