using PerfGate.Diagnostics;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Memory;

/// <summary>
/// One call for the gate: a scenario of a loaded workspace to its memory budget. Reads the scenario's MindIE config.json
/// (<c>memory.mindieConfig</c>, already resolved by the workspace loader) through the file system passed in, so it stays
/// testable with an in-memory one; diagnostics name it relative to the workspace root.
/// </summary>
public static class ScenarioMemoryBudget
{
    public const long MaxConfigBytes = 16L * 1024 * 1024;

    public static ScenarioMemoryResult Compute(LoadedWorkspace workspace, ScenarioSpec scenario, IWorkspaceFileSystem fs, Func<MemoryRequest, MemoryRequest>? adjust = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(fs);
        var diagnostics = new List<Diagnostic>();
        if (scenario.Memory is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"scenario '{scenario.Id}' has no memory: section; add one (engine, npuMemSize, maxBatchSize, ...) or mindieConfig: path/to/config.json", scenario.Location));
            return new ScenarioMemoryResult(null, null, diagnostics);
        }

        MindieConfig? config = null;
        if (scenario.Memory.MindieConfig is { } absolute)
        {
            var shown = Relative(workspace.Root, absolute);
            if (!fs.FileExists(absolute))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"file not found: {shown}", scenario.LocationOf("memory.mindieConfig")));
                return new ScenarioMemoryResult(null, null, diagnostics);
            }

            if (fs.GetFileLength(absolute) > MaxConfigBytes)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, $"{shown} is larger than {MaxConfigBytes} bytes; that is no MindIE config.json", scenario.LocationOf("memory.mindieConfig")));
                return new ScenarioMemoryResult(null, null, diagnostics);
            }

            var read = MindieConfigReader.Read(fs.ReadAllBytes(absolute), shown);
            diagnostics.AddRange(read.Diagnostics);
            if (read.Config is null)
            {
                return new ScenarioMemoryResult(null, null, diagnostics);
            }

            config = read.Config;
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

    private static string Relative(string root, string absolute)
    {
        var relative = Path.GetRelativePath(root, absolute).Replace('\\', '/');
        return relative.StartsWith("..", StringComparison.Ordinal) ? absolute : relative;
    }
}
