using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Measurements;
using PerfGate.Measurements.Gate;
using PerfGate.Workspace;
using PerfGate.Yaml;

namespace PerfGate.Run;

/// <summary>
/// Measured baselines in a workspace: the gates perfgate.yaml declares (<c>measured:</c>, see
/// <see cref="MeasuredGatesReader"/>) keep their committed baseline reports in <c>&lt;baselines&gt;/measured/&lt;name&gt;/</c>
/// (the benchmark tools' own files, with their sidecars, byte for byte as approved: reviewable and re-parsed on every
/// compare). <c>Compare</c> judges new runs against them with the gate's rule; <c>Approve</c> replaces them
/// (each file written to a temporary file and renamed; files of the old baseline not in the new one are removed).
/// </summary>
public static class MeasuredGateRun
{
    /// <summary>The folder under the baselines folder that holds one sub-folder per gate.</summary>
    public const string Folder = "measured";

    /// <summary>The gate's baseline folder (absolute).</summary>
    public static string BaselineFolder(LoadedWorkspace workspace, MeasuredGateSpec gate)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(gate);
        return WorkspacePaths.Resolve(workspace.BaselinesDirectory, Folder + "/" + gate.Name);
    }

    /// <summary>Loads the workspace and compares <paramref name="current"/> with the baseline of the gate named (or the only one declared).</summary>
    public static MeasuredGateOutcome Compare(WorkspaceRunRequest request, string? gateName, IReadOnlyList<MeasuredRun> current, IFileSystem files)
    {
        var (workspace, gate, problems) = Open(request, gateName, files);
        if (workspace is null || gate is null)
        {
            return new MeasuredGateOutcome(gate, null, [], [], problems);
        }

        var outcome = Compare(workspace, gate, current, files);
        return outcome with { Diagnostics = [.. problems, .. outcome.Diagnostics] };
    }

    /// <summary>Compares <paramref name="current"/> with the committed baseline of <paramref name="gate"/> (reports re-parsed with the gate's format).</summary>
    public static MeasuredGateOutcome Compare(LoadedWorkspace workspace, MeasuredGateSpec gate, IReadOnlyList<MeasuredRun> current, IFileSystem files)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<Diagnostic>();
        var folder = BaselineFolder(workspace, gate);
        var names = ReportNames(files, folder);
        var shown = names.Select(n => Show(workspace, folder, n)).ToList();
        if (names.Count == 0)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.MeasuredBaselineMissing, $"measured gate '{gate.Name}' has no baseline yet: {Show(workspace, folder, string.Empty)} holds no report; approve the first runs with 'perfgate measured approve NEW... --gate {gate.Name}'", gate.Location));
            return new MeasuredGateOutcome(gate, null, [], [], problems);
        }

        var baseline = new List<MeasuredRun>();
        foreach (var (name, path) in names.Zip(shown))
        {
            var full = folder + "/" + name;
            var sidecar = files.FileExists(MeasuredSidecar.PathFor(full)) ? Decode(files.ReadAllBytes(MeasuredSidecar.PathFor(full)), MeasuredSidecar.PathFor(path), problems) : null;
            if (Decode(files.ReadAllBytes(full), path, problems) is { } text)
            {
                baseline.AddRange(Parse(new MeasuredReportFile(path, text, sidecar), gate, problems));
            }
        }

        if (problems.Any(p => p.Severity == Severity.Error))
        {
            return new MeasuredGateOutcome(gate, null, shown, [], problems);
        }

        return new MeasuredGateOutcome(gate, MeasuredGate.Compare(baseline, current, gate.Options), shown, [], problems);
    }

    /// <summary>
    /// Makes <paramref name="reports"/> the gate's baseline. Every report must parse (with the gate's format) and hold a
    /// run that did not fail, and their file names must differ; otherwise nothing is written.
    /// </summary>
    public static MeasuredGateOutcome Approve(WorkspaceRunRequest request, string? gateName, IReadOnlyList<MeasuredReportFile> reports, IFileSystem files)
    {
        var (workspace, gate, problems) = Open(request, gateName, files);
        if (workspace is null || gate is null)
        {
            return new MeasuredGateOutcome(gate, null, [], [], problems);
        }

        var outcome = Approve(workspace, gate, reports, files);
        return outcome with { Diagnostics = [.. problems, .. outcome.Diagnostics] };
    }

    /// <inheritdoc cref="Approve(WorkspaceRunRequest, string?, IReadOnlyList{MeasuredReportFile}, IFileSystem)"/>
    public static MeasuredGateOutcome Approve(LoadedWorkspace workspace, MeasuredGateSpec gate, IReadOnlyList<MeasuredReportFile> reports, IFileSystem files)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(gate);
        ArgumentNullException.ThrowIfNull(reports);
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<Diagnostic>();
        var byName = new Dictionary<string, MeasuredReportFile>(StringComparer.Ordinal);
        var runs = new List<MeasuredRun>();
        foreach (var report in reports)
        {
            var name = Path.GetFileName(report.Path.Replace('\\', '/'));
            if (name.EndsWith(".perfgate.yaml", StringComparison.Ordinal) || name.StartsWith('.'))
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{report.Path}: a baseline report's name may not start with '.' or end with .perfgate.yaml (that is a sidecar, copied with its report)", SourceLocation.None));
                continue;
            }

            if (!byName.TryAdd(name, report))
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{report.Path}: another report is also named '{name}'; the baseline keeps file names, so rename one", SourceLocation.None));
                continue;
            }

            runs.AddRange(Parse(report, gate, problems));
        }

        if (reports.Count == 0 || (runs.Count > 0 && runs.All(r => r.Failed)))
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.MeasuredNoRuns, $"measured gate '{gate.Name}': nothing to approve: give the new reports, at least one run of which succeeded", SourceLocation.None));
        }

        if (problems.Any(p => p.Severity == Severity.Error))
        {
            return new MeasuredGateOutcome(gate, null, [], [], problems);
        }

        var folder = BaselineFolder(workspace, gate);
        files.DeleteInterruptedWrites(folder);
        foreach (var (name, report) in byName.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            files.WriteAllTextAtomic(folder + "/" + name, report.Text);
            if (report.SidecarText is { } sidecar)
            {
                files.WriteAllTextAtomic(MeasuredSidecar.PathFor(folder + "/" + name), sidecar);
            }
            else
            {
                files.Delete(MeasuredSidecar.PathFor(folder + "/" + name));
            }
        }

        var removed = new List<string>();
        foreach (var stale in ReportNames(files, folder).Where(n => !byName.ContainsKey(n)))
        {
            files.Delete(folder + "/" + stale);
            files.Delete(MeasuredSidecar.PathFor(folder + "/" + stale));
            removed.Add(Show(workspace, folder, stale));
        }

        var written = byName.Keys.Order(StringComparer.Ordinal).Select(n => Show(workspace, folder, n)).ToList();
        return new MeasuredGateOutcome(gate, null, written, removed, problems);
    }

    private static (LoadedWorkspace? Workspace, MeasuredGateSpec? Gate, List<Diagnostic> Problems) Open(WorkspaceRunRequest request, string? gateName, IFileSystem files)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(files);
        var loaded = WorkspaceLoader.Load(files, request.Root, request.Overrides);
        var problems = new List<Diagnostic>(loaded.Diagnostics);
        if (loaded.Workspace is not { } workspace)
        {
            return (null, null, problems);
        }

        return (workspace, Select(workspace, gateName, problems), problems);
    }

    /// <summary>The gate named, or the only one declared when <paramref name="gateName"/> is null; null (with an error at perfgate.yaml's <c>measured</c> key) otherwise.</summary>
    public static MeasuredGateSpec? Select(LoadedWorkspace workspace, string? gateName, ICollection<Diagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(problems);
        var gates = workspace.Settings.MeasuredGates;
        var at = workspace.Settings.KeyLocations.TryGetValue(MeasuredGatesReader.Key, out var key) ? key : new SourceLocation(WorkspaceLoader.SettingsFileName);
        var names = gates.Select(g => g.Name).ToList();
        MeasuredGateSpec? gate = null;
        if (gates.Count == 0)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.MeasuredGateUnknown, $"{WorkspaceLoader.SettingsFileName} declares no measured gate; add one ('measured: [{{ name: my-benchmark }}]') or compare two reports with 'perfgate measured compare BASELINE NEW...'", at));
        }
        else if (gateName is null)
        {
            gate = gates.Count == 1 ? gates[0] : null;
            if (gate is null)
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.MeasuredGateUnknown, $"{WorkspaceLoader.SettingsFileName} declares {gates.Count} measured gates; name one with --gate: {Suggestions.List(names)}", at));
            }
        }
        else
        {
            gate = gates.FirstOrDefault(g => string.Equals(g.Name, gateName, StringComparison.Ordinal));
            if (gate is null)
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.MeasuredGateUnknown, $"--gate: no measured gate '{gateName}' in {WorkspaceLoader.SettingsFileName}{Suggestions.DidYouMean(gateName, names)}; declared: {Suggestions.List(names)}", at));
            }
        }

        return gate;
    }

    private static List<MeasuredRun> Parse(MeasuredReportFile report, MeasuredGateSpec gate, List<Diagnostic> problems)
    {
        var told = MeasuredSystem.Unknown;
        if (report.SidecarText is { } sidecar)
        {
            if (MeasuredSidecar.Read(sidecar, MeasuredSidecar.PathFor(report.Path), problems) is not { } system)
            {
                return [];
            }

            told = system;
        }

        var result = MeasuredImport.Read(new MeasuredInput(report.Path, report.Text), gate.Format, told);
        problems.AddRange(result.Diagnostics);
        return result.Succeeded ? [.. result.Runs] : [];
    }

    /// <summary>The reports in a baseline folder (sidecars and interrupted writes' temporary files left out), sorted.</summary>
    private static List<string> ReportNames(IFileSystem files, string folder) =>
        [.. files.ListFiles(folder, string.Empty).Where(n => !n.StartsWith('.') && !n.EndsWith(".perfgate.yaml", StringComparison.Ordinal))];

    private static string? Decode(byte[] bytes, string shown, List<Diagnostic> problems)
    {
        var text = InputText.Decode(bytes, shown, out var error);
        if (error is not null)
        {
            problems.Add(error);
        }

        return text;
    }

    private static string Show(LoadedWorkspace workspace, string folder, string name)
    {
        var path = name.Length == 0 ? folder : folder + "/" + name;
        return (WorkspacePaths.RelativeInside(workspace.Root, path) ?? WorkspacePaths.Normalize(path)) + (name.Length == 0 ? "/" : string.Empty);
    }
}
