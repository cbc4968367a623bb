using PerfGate.Diagnostics;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Measurements;

/// <summary>
/// Parses the report a scenario's <c>measured:</c> section names (and its sidecar YAML) from the bytes the workspace
/// loader read and hashed (<see cref="LoadedWorkspace.Contents"/>; never opened twice), and keeps the runs that belong to
/// the scenario (<see cref="MeasuredSettings"/>). Diagnostics name the report relative to the workspace root.
/// </summary>
public static class ScenarioMeasuredRuns
{
    /// <summary>A GuideLLM JSON with per-request detail can be large; anything past 256 MiB is not a benchmark summary.</summary>
    public const long MaxReportBytes = 256L << 20;

    /// <summary>The scenario's runs (failed ones included, flagged), or null when it names no report or the report cannot be read.</summary>
    /// <param name="workspace">The loaded workspace holding the report's bytes.</param>
    /// <param name="scenario">The scenario whose <c>measured:</c> section names the report.</param>
    /// <param name="diagnostics">Where the report's problems go (every scenario naming a report gets them).</param>
    /// <param name="reports">
    /// Reports already parsed for other scenarios of this workspace: many scenarios name one report, which is then
    /// decoded and parsed once (null: parsed for this scenario alone). The diagnostics are the same either way.
    /// </param>
    public static IReadOnlyList<MeasuredRun>? Read(LoadedWorkspace workspace, ScenarioSpec scenario, ICollection<Diagnostic> diagnostics, ReportCache? reports = null)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (scenario.Measured is not { } settings)
        {
            return null;
        }

        var shown = settings.Report;
        if (!workspace.Contents.ContainsKey(shown))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"file not found: {shown}", scenario.LocationOf("measured.report")));
            return null;
        }

        var report = reports is null ? Parse(workspace, shown) : reports.Get(workspace, shown);
        foreach (var d in report.Diagnostics)
        {
            diagnostics.Add(d);
        }

        if (report.Runs is not { } all)
        {
            return null;
        }

        var runs = all.Where(r => Belongs(r, settings, scenario.EffectiveCards)).ToList();
        if (runs.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredNoRuns, $"scenario '{scenario.Id}': no run in {shown} matches 'measured:' (model, hardware, engine, lines and {scenario.EffectiveCards} cards); 'perfgate measured import {shown}' lists what the report holds", scenario.LocationOf("measured")));
            return null;
        }

        return runs;
    }

    /// <summary>
    /// One report read for a workspace run, by its path relative to the root: parsed on first use, thread-safe (scenarios
    /// are evaluated in parallel), and only for the one workspace it was first used with.
    /// </summary>
    public sealed class ReportCache
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<ParsedReport>> _reports = new(StringComparer.Ordinal);

        internal ParsedReport Get(LoadedWorkspace workspace, string shown) =>
            _reports.GetOrAdd(shown, path => new Lazy<ParsedReport>(() => Parse(workspace, path))).Value;
    }

    /// <summary>A report's runs (every system in it; null when it cannot be imported) and the problems found in it or its sidecar, in the order found.</summary>
    internal sealed record ParsedReport(IReadOnlyList<MeasuredRun>? Runs, IReadOnlyList<Diagnostic> Diagnostics);

    private static ParsedReport Parse(LoadedWorkspace workspace, string shown)
    {
        var text = InputText.Decode(workspace.Contents[shown].ToArray(), shown, out var error);
        if (text is null)
        {
            return new ParsedReport(null, [error!]);
        }

        var diagnostics = new List<Diagnostic>();
        var told = MeasuredSystem.Unknown;
        var sidecarShown = MeasuredSidecar.PathFor(shown);
        if (workspace.Contents.TryGetValue(sidecarShown, out var sidecarBytes))
        {
            var sidecarText = InputText.Decode(sidecarBytes.ToArray(), sidecarShown, out var sidecarError);
            if (sidecarText is null)
            {
                return new ParsedReport(null, [sidecarError!]);
            }

            if (MeasuredSidecar.Read(sidecarText, sidecarShown, diagnostics) is not { } system)
            {
                return new ParsedReport(null, diagnostics);
            }

            told = system;
        }

        var result = MeasuredImport.Read(new MeasuredInput(shown, text), null, told);
        diagnostics.AddRange(result.Diagnostics);
        return new ParsedReport(result.Succeeded ? result.Runs : null, diagnostics);
    }

    private static bool Belongs(MeasuredRun run, MeasuredSettings settings, int cards) =>
        Same(settings.Model, run.System.Model) && Same(settings.Hardware, run.System.Hardware) && Same(settings.Engine, run.System.Engine)
        && (run.System.Cards is null || run.System.Cards == cards)
        && (settings.Lines is null || settings.Lines.Contains(run.Source.Line));

    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
}
