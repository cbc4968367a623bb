using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;
using PerfGate.Evaluation;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Memory;
using PerfGate.Reports;
using PerfGate.Scenarios;
using PerfGate.Threading;
using PerfGate.Workspace;

namespace PerfGate.Run;

/// <summary>
/// The one entry point of a workspace run, shared by every front end (the CLI's check, approve and the commands built on
/// them; the MSBuild task runs the CLI): load perfgate.yaml, the catalog and the scenarios, read the calibration folders
/// and MindIE configs, evaluate every scenario, and compare with or approve the baselines. Everything is read and
/// written through the <see cref="IFileSystem"/> passed in; diagnostics are values. Front ends parse options, choose the
/// file system and render the result.
/// </summary>
public static class WorkspaceRun
{
    /// <summary>Loads the workspace and recomputes every scenario's snapshot.</summary>
    public static WorkspaceEvaluation Evaluate(WorkspaceRunRequest request, IFileSystem files)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        var loaded = WorkspaceLoader.Load(files, request.Root, request.Overrides, parallelism: request.Parallelism);
        if (loaded.Workspace is not { } workspace)
        {
            return new WorkspaceEvaluation { Root = WorkspacePaths.Normalize(Path.GetFullPath(request.Root)), Diagnostics = loaded.Diagnostics };
        }

        var problems = new List<Diagnostic>(loaded.Diagnostics);
        var calibration = FolderCalibration(workspace, problems);

        // Scenarios are independent of each other: each is evaluated from the workspace, its own inputs and the
        // calibration tables alone, on as many cores as the request allows, and the results keep the workspace's
        // order (by id), whatever order they finish in: outcome i is scenario i's.
        foreach (var pattern in request.Scenarios.Where(p => !workspace.Scenarios.Any(s => Syntax.Glob.IsMatch(p, s.Id))))
        {
            var ids = workspace.Scenarios.Select(s => s.Id).ToList();
            problems.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"no scenario matches '{pattern}'{Yaml.Suggestions.DidYouMean(pattern, ids)}; scenarios: {ListedIds(ids)} ('perfgate list' shows them)", SourceLocation.None));
        }

        var selected = workspace.Scenarios.Where(s => request.Covers(s.Id)).ToArray();
        var reports = new Measurements.ScenarioMeasuredRuns.ReportCache();
        var outcomes = OrderedParallel.Map(selected, request.Parallelism, s => Timed(() => EvaluateScenario(workspace, s, calibration, reports)));
        var scenarios = new List<CurrentScenario>(outcomes.Count);
        foreach (var outcome in outcomes)
        {
            problems.AddRange(outcome.Diagnostics);
            if (outcome.Scenario is { } current)
            {
                scenarios.Add(current);
            }
        }

        return new WorkspaceEvaluation
        {
            Root = workspace.Root,
            Workspace = workspace,
            Scenarios = scenarios,
            Tolerances = workspace.Settings.Tolerances.Select(t => new GateTolerance(t.Scenario, t.Metric, t.Relative ?? 0, t.Absolute ?? 0, t.FailOn)).ToArray(),
            Accepted = Accepted(workspace, request.Today, problems),
            DefaultReports = DefaultReports(workspace),
            Diagnostics = problems,
        };
    }

    /// <summary>Evaluates, then compares every scenario with its baseline (writing received snapshots as Verify does).</summary>
    public static WorkspaceCheck Check(WorkspaceRunRequest request, IFileSystem files)
    {
        var evaluation = Evaluate(request, files);
        if (!evaluation.Succeeded)
        {
            return new WorkspaceCheck(evaluation, null, []);
        }

        var store = new BaselineStore(files, evaluation.BaselinesDirectory!);
        var baselines = store.ListVerified().Select(store.VerifiedPath).ToList();
        var outcome = GateRunner.Check(store, evaluation.Scenarios, evaluation.Tolerances, request.Covers, request.Parallelism, evaluation.Accepted, request.Today);
        var inputs = evaluation.Workspace!.Inputs.Select(i => WorkspacePaths.Resolve(evaluation.Root, i.RelativePath));
        return new WorkspaceCheck(evaluation, outcome.Result, outcome.Errors)
        {
            InputFiles = inputs.Concat(baselines.Select(WorkspacePaths.Normalize)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(),
        };
    }

    /// <summary>Evaluates, then makes the recomputed snapshots of <paramref name="names"/> (or of every scenario) their baselines.</summary>
    public static WorkspaceApproval Approve(WorkspaceRunRequest request, IFileSystem files, IReadOnlyList<string> names, bool all)
    {
        ArgumentNullException.ThrowIfNull(request);

        // Approval is never split: approving one shard's scenarios would take every other baseline for removed.
        var evaluation = Evaluate(request with { Shard = null }, files);
        if (!evaluation.Succeeded)
        {
            return new WorkspaceApproval(evaluation, null, null);
        }

        var store = new BaselineStore(files, evaluation.BaselinesDirectory!);
        return new WorkspaceApproval(evaluation, GateRunner.Approve(store, evaluation.Scenarios, names, all), store);
    }

    /// <summary>The ids a "no scenario matches" error names: every one up to <see cref="ListedIdsAtMost"/>, then how many more.</summary>
    internal static string ListedIds(IReadOnlyList<string> ids) =>
        ids.Count == 0 ? "(none)"
        : ids.Count <= ListedIdsAtMost ? string.Join(", ", ids)
        : string.Create(CultureInfo.InvariantCulture, $"{string.Join(", ", ids.Take(ListedIdsAtMost))} and {ids.Count - ListedIdsAtMost} more");

    /// <summary>A workspace of thousands of scenarios would otherwise put every id into one error line.</summary>
    internal const int ListedIdsAtMost = 20;

    /// <summary>
    /// One scenario to its snapshot, pure: everything it reads was read by the loader (<see cref="LoadedWorkspace.Contents"/>),
    /// so scenarios can be evaluated in any order or in parallel. Errors (invalid input) leave the snapshot null;
    /// estimate findings are in the snapshot, not in the diagnostics. <paramref name="reports"/> holds the measured reports
    /// other scenarios of the run already parsed (null: this scenario parses its own).
    /// </summary>
    public static ScenarioOutcome EvaluateScenario(LoadedWorkspace workspace, ScenarioSpec scenario, IReadOnlyDictionary<string, CalibrationTables> calibration, Measurements.ScenarioMeasuredRuns.ReportCache? reports = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(scenario);
        var problems = new List<Diagnostic>();
        var mindie = ScenarioMindieConfig.Read(workspace, scenario, problems);
        var before = problems.Count;
        var measured = Measurements.ScenarioMeasuredRuns.Read(workspace, scenario, problems, reports);
        if (problems.Skip(before).Any(p => p.Severity == Severity.Error))
        {
            return new ScenarioOutcome(scenario.Id, null, problems);
        }

        var result = ScenarioEvaluator.Evaluate(new EvaluationRequest
        {
            Scenario = scenario,
            Catalog = workspace.Catalog,
            Inputs = workspace.InputsOf(scenario).Select(Hash).ToArray(),
            CalibrationInputs = calibration.Keys.ToDictionary(id => id, id => (IReadOnlyList<InputFileHash>)workspace.CalibrationInputs(workspace.Catalog.Hardware[id]).Select(Hash).ToArray(), StringComparer.Ordinal),
            SignificantDigits = workspace.Settings.SignificantDigits,
            Calibration = calibration,
            MindieConfig = mindie,
            Measured = measured,
        });
        if (result.Snapshot is null)
        {
            problems.AddRange(result.Diagnostics.Where(d => d.Severity == Severity.Error));
            return new ScenarioOutcome(scenario.Id, null, problems);
        }

        return new ScenarioOutcome(scenario.Id, new CurrentScenario(result.Snapshot, scenario.Location) { Details = result.Details }, problems);
    }

    /// <summary>A scenario's outcome with the wall-clock time its evaluation took (JUnit's <c>time</c>; reports only, never a baseline).</summary>
    private static ScenarioOutcome Timed(Func<ScenarioOutcome> evaluate)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = evaluate();
        return outcome.Scenario is { } current
            ? outcome with { Scenario = current with { Details = current.Details with { EvaluationTime = clock.Elapsed } } }
            : outcome;
    }

    /// <summary>
    /// <c>perfgate accuracy</c>: loads the workspace and, for every scenario with a <c>measured:</c> section, puts each
    /// measured figure beside its estimate. The results keep the workspace's scenario order.
    /// </summary>
    public static (IReadOnlyList<Measurements.Accuracy.AccuracyResult> Results, IReadOnlyList<Diagnostic> Diagnostics) Accuracy(WorkspaceRunRequest request, IFileSystem files)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        var loaded = WorkspaceLoader.Load(files, request.Root, request.Overrides);
        if (loaded.Workspace is not { } workspace)
        {
            return ([], loaded.Diagnostics);
        }

        var problems = new List<Diagnostic>(loaded.Diagnostics);
        var calibration = FolderCalibration(workspace, problems);
        var results = new List<Measurements.Accuracy.AccuracyResult>();
        var reports = new Measurements.ScenarioMeasuredRuns.ReportCache();
        foreach (var scenario in workspace.Scenarios.Where(s => s.Measured is not null))
        {
            var runs = Measurements.ScenarioMeasuredRuns.Read(workspace, scenario, problems, reports);
            var result = ScenarioAccuracy.Evaluate(new EvaluationRequest
            {
                Scenario = scenario,
                Catalog = workspace.Catalog,
                SignificantDigits = workspace.Settings.SignificantDigits,
                Calibration = calibration,
                Measured = runs,
            });
            if (result is not null)
            {
                results.Add(result);
            }
        }

        return (results, problems);
    }

    /// <summary>
    /// Measured tables kept in folders, for the hardware the scenarios use, parsed from the bytes the loader read (the
    /// tables' diagnostics name them relative to the workspace root).
    /// </summary>
    private static Dictionary<string, CalibrationTables> FolderCalibration(LoadedWorkspace workspace, List<Diagnostic> problems)
    {
        var tables = new Dictionary<string, CalibrationTables>(StringComparer.Ordinal);
        var used = workspace.Scenarios.Select(s => s.Hardware).Concat(workspace.Scenarios.SelectMany(s => s.Search?.Hardware ?? [])).ToHashSet(StringComparer.Ordinal);
        foreach (var id in used.Order(StringComparer.Ordinal))
        {
            if (!workspace.Catalog.Hardware.TryGetValue(id, out var hw)
                || hw.CalibrationTables is not { } reference
                || CalibrationReference.IsEmbedded(reference)
                || WorkspacePaths.RelativeInside(workspace.Root, reference) is not { } folder)
            {
                continue;
            }

            TextReader? Open(string file) =>
                workspace.Contents.TryGetValue(folder.Length == 0 ? file : $"{folder}/{file}", out var bytes) ? new StreamReader(new MemoryStream(bytes.ToArray())) : null;
            if (CalibrationLoader.Read(folder.Length == 0 ? "." : folder, Open, problems, folder) is { } loaded)
            {
                tables[id] = loaded;
            }
        }

        return tables;
    }

    private static InputFileHash Hash(WorkspaceInput input) => new(input.RelativePath, input.Sha256);

    /// <summary>The accepted differences in force on <paramref name="today"/>; an expired one is dropped with a warning at its entry.</summary>
    private static AcceptedDifference[] Accepted(LoadedWorkspace workspace, DateOnly today, List<Diagnostic> problems)
    {
        var list = new List<AcceptedDifference>();
        foreach (var rule in workspace.Settings.Accepted)
        {
            var entry = new AcceptedDifference(rule.Scenario, rule.Metric, rule.Reason, rule.Expires);
            if (entry.HasExpired(today))
            {
                problems.Add(Diagnostic.Warning(DiagnosticIds.AcceptedDifferenceExpired, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"the accepted difference for '{rule.Scenario}' / '{rule.Metric}' expired on {rule.Expires:yyyy-MM-dd} and no longer applies; approve the new baselines, extend 'expires' or remove the entry"), rule.Location));
                continue;
            }

            list.Add(entry);
        }

        return [.. list];
    }

    /// <summary>perfgate.yaml's <c>reports.formats</c> written to <c>reports.directory</c>, each under its format's default file name (perfgate.md, ...).</summary>
    private static ReportTarget[] DefaultReports(LoadedWorkspace workspace)
    {
        if (workspace.Settings.ReportsDirectory is not { } directory)
        {
            return [];
        }

        var folder = WorkspacePaths.Resolve(workspace.Root, directory);
        return workspace.Settings.ReportFormats
            .Select(name => ReportFormats.Files.Single(f => f.Name == name))
            .Select(f => new ReportTarget(f, Path.Combine(folder, f.DefaultFileName!)))
            .ToArray();
    }
}
