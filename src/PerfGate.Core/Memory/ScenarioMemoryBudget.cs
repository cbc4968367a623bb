using PerfGate.Diagnostics;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Memory;

/// <summary>
/// A scenario of a loaded workspace to its memory budget (<c>perfgate memory --scenario</c>). Reads the scenario's
/// MindIE config.json through <see cref="ScenarioMindieConfig"/>, from the bytes the workspace loader read.
/// </summary>
public static class ScenarioMemoryBudget
{
    public static ScenarioMemoryResult Compute(LoadedWorkspace workspace, ScenarioSpec scenario, Func<MemoryRequest, MemoryRequest>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(scenario);
        var diagnostics = new List<Diagnostic>();
        if (scenario.Memory is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"scenario '{scenario.Id}' has no memory: section; add one (engine, npuMemSize, maxBatchSize, ...) or mindieConfig: path/to/config.json", scenario.Location));
            return new ScenarioMemoryResult(null, null, diagnostics);
        }

        var config = ScenarioMindieConfig.Read(workspace, scenario, diagnostics);
        if (config is null && scenario.Memory.MindieConfig is not null)
        {
            return new ScenarioMemoryResult(null, null, diagnostics);
        }

        var (request, mapping) = ScenarioMemoryMapping.ToRequest(scenario, workspace.Catalog, config);
        diagnostics.AddRange(mapping);
        if (request is null)
        {
            return new ScenarioMemoryResult(null, null, diagnostics);
        }

        request = adjust?.Invoke(request) ?? request;
        var budget = MemoryBudgetCalculator.Compute(request);
        diagnostics.AddRange(budget.Diagnostics);
        return new ScenarioMemoryResult(request, budget, diagnostics);
    }
}
