using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;
using PerfGate.Evaluation;
using PerfGate.Gate;
using PerfGate.Memory;
using PerfGate.Reports;
using PerfGate.Workspace;

namespace PerfGate.Cli.Gate;

/// <summary>
/// Loads the workspace (perfgate.yaml, catalog, scenarios, input hashes) and evaluates every scenario into
/// a snapshot: what check and approve share. Returns null inputs (and the errors) when the workspace or a
/// scenario is invalid; estimate findings are not input errors and are not returned here (they are in
/// each snapshot's findings table).
/// </summary>
internal static class GateSession
{
    public static string RootOf(CliContext context, string? workspaceDir) =>
        Path.GetFullPath(workspaceDir ?? ".", context.CurrentDirectory);

    /// <summary>
    /// What check and approve do first: load and evaluate, print the problems found (paths shown relative to the
    /// current directory), and return the inputs, or null when they are not usable (the caller exits 2).
    /// </summary>
    public static (GateInputs? Inputs, PathDisplay Paths) LoadAndReport(CliContext context, string? workspaceDir, GateOutput output)
    {
        var (inputs, problems) = Load(context, workspaceDir);
        var paths = new PathDisplay(context.CurrentDirectory, inputs?.Root ?? RootOf(context, workspaceDir));
        output.WriteProblems(problems, paths);
        return (inputs, paths);
    }

    public static (GateInputs? Inputs, IReadOnlyList<Diagnostic> Problems) Load(CliContext context, string? workspaceDir)
    {
        var root = RootOf(context, workspaceDir);
        var loaded = WorkspaceLoader.Load(PhysicalWorkspaceFileSystem.Instance, root, Overrides(context));
        if (loaded.Workspace is not { } workspace)
        {
            return (null, loaded.Diagnostics);
        }

        var problems = new List<Diagnostic>(loaded.Diagnostics);
        var scenarios = new List<CurrentScenario>(workspace.Scenarios.Count);
        var calibration = FolderCalibration(workspace, problems);
        foreach (var scenario in workspace.Scenarios)
        {
            var mindie = ScenarioMindieConfig.Read(workspace.Root, scenario, PhysicalWorkspaceFileSystem.Instance, problems);
            var result = ScenarioEvaluator.Evaluate(new EvaluationRequest
            {
                Scenario = scenario,
                Catalog = workspace.Catalog,
                Inputs = workspace.InputsOf(scenario).Select(i => new InputFileHash(i.RelativePath, i.Sha256)).ToArray(),
                SignificantDigits = workspace.Settings.SignificantDigits,
                Calibration = calibration,
                MindieConfig = mindie,
            });
            if (result.Snapshot is null)
            {
                problems.AddRange(result.Diagnostics.Where(d => d.Severity == Severity.Error));
                continue;
            }

            scenarios.Add(new CurrentScenario(result.Snapshot, scenario.Location));
        }

        if (problems.Any(d => d.Severity == Severity.Error))
        {
            return (null, problems);
        }

        var tolerances = workspace.Settings.Tolerances
            .Select(t => new GateTolerance(t.Scenario, t.Metric, t.Relative ?? 0, t.Absolute ?? 0))
            .ToArray();
        return (new GateInputs(workspace.Root, workspace.BaselinesDirectory, scenarios, tolerances, DefaultReports(workspace)), problems);
    }

    /// <summary>Measured tables kept in folders (relative to the workspace root), for the hardware the scenarios use.</summary>
    private static Dictionary<string, CalibrationTables> FolderCalibration(LoadedWorkspace workspace, List<Diagnostic> problems)
    {
        var tables = new Dictionary<string, CalibrationTables>(StringComparer.Ordinal);
        var used = workspace.Scenarios.Select(s => s.Hardware).Concat(workspace.Scenarios.SelectMany(s => s.Search?.Hardware ?? [])).ToHashSet(StringComparer.Ordinal);
        foreach (var id in used.Order(StringComparer.Ordinal))
        {
            if (workspace.Catalog.Hardware.TryGetValue(id, out var hw)
                && hw.CalibrationTables is { } reference
                && !reference.StartsWith(CalibrationLoader.EmbeddedPrefix, StringComparison.Ordinal)
                && CalibrationLoader.Load(reference, workspace.Root, problems, hw.Location) is { } loaded)
            {
                tables[id] = loaded;
            }
        }

        return tables;
    }

    /// <summary>perfgate.yaml's <c>reports.formats</c> written to <c>reports.directory</c>, each under its format's default file name (perfgate.md, ...).</summary>
    private static ReportRequest[] DefaultReports(LoadedWorkspace workspace)
    {
        if (workspace.Settings.ReportsDirectory is not { } directory)
        {
            return [];
        }

        var folder = WorkspacePaths.Resolve(workspace.Root, directory);
        return workspace.Settings.ReportFormats
            .Select(name => ReportFormats.Files.Single(f => f.Name == name))
            .Select(f => new ReportRequest(f, Path.Combine(folder, f.DefaultFileName!)))
            .ToArray();
    }

    /// <summary>PERFGATE_* environment variables for the overridable settings (see <see cref="WorkspaceSettingKeys"/>).</summary>
    private static Dictionary<string, string?> Overrides(CliContext context)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in WorkspaceSettingKeys.All)
        {
            if (context.GetEnvironmentVariable(WorkspaceSettingKeys.EnvironmentVariable(key)) is { Length: > 0 } value)
            {
                overrides[key] = value;
            }
        }

        return overrides;
    }
}
