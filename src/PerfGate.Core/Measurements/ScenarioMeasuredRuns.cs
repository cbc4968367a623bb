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
    public static IReadOnlyList<MeasuredRun>? Read(LoadedWorkspace workspace, ScenarioSpec scenario, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (scenario.Measured is not { } settings)
        {
            return null;
        }

        var shown = settings.Report;
        if (!workspace.Contents.TryGetValue(shown, out var bytes))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"file not found: {shown}", scenario.LocationOf("measured.report")));
            return null;
        }

        var text = InputText.Decode(bytes.ToArray(), shown, out var error);
        if (text is null)
        {
            diagnostics.Add(error!);
            return null;
        }

        var told = MeasuredSystem.Unknown;
        var sidecarShown = MeasuredSidecar.PathFor(shown);
        if (workspace.Contents.TryGetValue(sidecarShown, out var sidecarBytes))
        {
            var sidecarText = InputText.Decode(sidecarBytes.ToArray(), sidecarShown, out var sidecarError);
            if (sidecarText is null)
            {
                diagnostics.Add(sidecarError!);
                return null;
            }

            if (MeasuredSidecar.Read(sidecarText, sidecarShown, diagnostics) is not { } system)
            {
                return null;
            }

            told = system;
        }

        var result = MeasuredImport.Read(new MeasuredInput(shown, text), null, told);
        foreach (var d in result.Diagnostics)
        {
            diagnostics.Add(d);
        }

        if (!result.Succeeded)
        {
            return null;
        }

        var runs = result.Runs.Where(r => Belongs(r, settings, scenario.EffectiveCards)).ToList();
        if (runs.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredNoRuns, $"scenario '{scenario.Id}': no run in {shown} matches 'measured:' (model, hardware, engine, lines and {scenario.EffectiveCards} cards); 'perfgate measured import {shown}' lists what the report holds", scenario.LocationOf("measured")));
            return null;
        }

        return runs;
    }

    private static bool Belongs(MeasuredRun run, MeasuredSettings settings, int cards) =>
        Same(settings.Model, run.System.Model) && Same(settings.Hardware, run.System.Hardware) && Same(settings.Engine, run.System.Engine)
        && (run.System.Cards is null || run.System.Cards == cards)
        && (settings.Lines is null || settings.Lines.Contains(run.Source.Line));

    private static bool Same(string? wanted, string? actual) => wanted is null || string.Equals(wanted, actual, StringComparison.OrdinalIgnoreCase);
}
