using PerfGate.Catalog;
using PerfGate.Scenarios;

namespace PerfGate.Workspace;

/// <summary>A loaded, valid workspace: settings, the catalog (built-ins overlaid with the user's), scenarios and inputs.</summary>
public sealed record LoadedWorkspace
{
    /// <summary>Absolute path of the folder holding perfgate.yaml.</summary>
    public required string Root { get; init; }

    public required WorkspaceSettings Settings { get; init; }

    public required CatalogSet Catalog { get; init; }

    /// <summary>Scenarios ordered by id.</summary>
    public required IReadOnlyList<ScenarioSpec> Scenarios { get; init; }

    /// <summary>Every input file with its hash, ordered by path.</summary>
    public required IReadOnlyList<WorkspaceInput> Inputs { get; init; }

    /// <summary>Absolute path of the baselines folder.</summary>
    public string BaselinesDirectory => WorkspacePaths.Resolve(Root, Settings.Baselines);

    /// <summary>Input files a scenario depends on: perfgate.yaml, the workspace catalog and tables, its own file, its engine config and its measured report (with its sidecar).</summary>
    public IReadOnlyList<WorkspaceInput> InputsOf(ScenarioSpec scenario)
    {
        var own = WorkspacePaths.Normalize(scenario.Location.File);
        var engineConfig = scenario.Memory?.MindieConfig;
        var report = scenario.Measured?.Report;
        return Inputs.Where(i => i.Kind is WorkspaceInputKind.Settings or WorkspaceInputKind.Catalog or WorkspaceInputKind.CalibrationTable
            || i.RelativePath == own
            || (i.Kind == WorkspaceInputKind.EngineConfig && engineConfig is not null && WorkspacePaths.Resolve(Root, i.RelativePath) == engineConfig)
            || (i.Kind == WorkspaceInputKind.MeasuredReport && report is not null
                && WorkspacePaths.Resolve(Root, i.RelativePath) is var path && (path == report || path == Measurements.MeasuredSidecar.PathFor(report)))).ToList();
    }
}
