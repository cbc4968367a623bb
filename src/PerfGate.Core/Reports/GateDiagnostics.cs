using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>
/// Turns a <see cref="GateResult"/> into diagnostics: PG1001 per drifted figure at its line in the baseline
/// (at most <see cref="MaxPerScenario"/> per scenario, then one summary), PG1002 per new scenario at its
/// config file, PG1003 per removed scenario at its baseline; a drifted scenario whose figures all hold gets one PG1001
/// per differing setting at that setting's line; an equal scenario with stale input hashes gets a PG1008 notice (info,
/// whatever the drift severity) at its first input. Every message ends with the approve command.
/// Paths go through <c>displayPath</c> (the CLI makes them relative to the current directory).
/// </summary>
public static class GateDiagnostics
{
    public const int MaxPerScenario = 10;

    public static IReadOnlyList<GateFinding> Create(GateResult result, Severity severity, Func<string, string> displayPath)
    {
        var findings = new List<GateFinding>();
        var inv = CultureInfo.InvariantCulture;
        foreach (var s in result.Scenarios)
        {
            var approve = $"To approve: {s.ApproveCommand}";
            switch (s.Status)
            {
                case ScenarioStatus.New:
                    var where = s.ScenarioLocation.IsKnown ? s.ScenarioLocation : new SourceLocation(s.BaselinePath, 1, 1);
                    var figures = s.Current?.FigureCount ?? 0;
                    findings.Add(new(new Diagnostic(DiagnosticIds.NewScenario, severity,
                        string.Create(inv, $"{s.ScenarioId}: new scenario with no baseline ({figures} figures; expected {displayPath(s.BaselinePath)}). {approve}"),
                        where with { File = displayPath(where.File) }), double.PositiveInfinity));
                    break;
                case ScenarioStatus.Removed:
                    findings.Add(new(new Diagnostic(DiagnosticIds.RemovedScenario, severity,
                        $"{s.ScenarioId}: baseline without a scenario (the scenario was removed or renamed). To approve the removal: {s.ApproveCommand}",
                        new SourceLocation(displayPath(s.BaselinePath), s.BaselineScenarioLine, 1)), double.PositiveInfinity));
                    break;
                case ScenarioStatus.Drifted when s.SettingsOnly:
                    AddSettingDrifts(findings, s, severity, displayPath(s.BaselinePath), approve);
                    break;
                case ScenarioStatus.Drifted:
                    AddDrifts(findings, s, severity, displayPath(s.BaselinePath), approve);
                    break;
                case ScenarioStatus.Equal when s.ProvenanceStale:
                    findings.Add(new(new Diagnostic(DiagnosticIds.StaleProvenance, Severity.Info,
                        $"{s.ScenarioId}: every figure and setting equals the baseline, but its recorded provenance is stale: {string.Join("; ", s.InputChanges.Select(c => c.Describe()))}. " +
                        $"The gate passes; to refresh the provenance: {s.ApproveCommand}",
                        new SourceLocation(displayPath(s.BaselinePath), s.FirstInputLine, 1)), 0, 4));
                    break;
            }
        }

        return findings;
    }

    private static void AddSettingDrifts(List<GateFinding> findings, ScenarioComparison s, Severity severity, string file, string approve)
    {
        var inv = CultureInfo.InvariantCulture;
        var shown = s.SettingChanges.Take(MaxPerScenario).ToList();
        foreach (var c in shown)
        {
            findings.Add(new(new Diagnostic(DiagnosticIds.Drift, severity,
                $"{s.ScenarioId}: setting {ReportFormat.Setting(c)}; no figure moved, but the baseline no longer records the settings it was computed from. {approve}",
                new SourceLocation(file, s.SettingLines.GetValueOrDefault(c.Key, s.BaselineScenarioLine), 1)), double.PositiveInfinity, 1));
        }

        if (s.SettingChanges.Count > shown.Count)
        {
            findings.Add(new(new Diagnostic(DiagnosticIds.Drift, severity,
                string.Create(inv, $"{s.ScenarioId}: and {s.SettingChanges.Count - shown.Count} more differing setting(s) in this baseline; see the report. {approve}"),
                new SourceLocation(file, s.BaselineScenarioLine, 1)), 0, 3));
        }
    }

    private static void AddDrifts(List<GateFinding> findings, ScenarioComparison s, Severity severity, string file, string approve)
    {
        var inv = CultureInfo.InvariantCulture;
        var failing = s.Failing.ToList();
        var shown = ReportFormat.Ranked(failing).Take(MaxPerScenario).OrderBy(d => d.BaselineLine).ThenBy(d => d.Key, StringComparer.Ordinal).ToList();
        var causes = ReportFormat.Causes(s);
        foreach (var d in shown)
        {
            findings.Add(new(new Diagnostic(DiagnosticIds.Drift, severity,
                $"{s.ScenarioId}: {ReportFormat.Drift(d, inv)}. Inputs changed: {causes}. {approve}",
                new SourceLocation(file, d.BaselineLine, 1)), d.Magnitude, d.Importance));
        }

        if (failing.Count > shown.Count)
        {
            var rest = failing.Count - shown.Count;
            findings.Add(new(new Diagnostic(DiagnosticIds.Drift, severity,
                string.Create(inv, $"{s.ScenarioId}: and {rest} more drifted figure(s) in this baseline; see the report. {approve}"),
                new SourceLocation(file, s.BaselineScenarioLine, 1)), 0, 3));
        }
    }
}
