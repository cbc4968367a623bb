using System.Globalization;
using System.Text;
using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>
/// The pull-request report (GitHub-flavoured Markdown, for <c>$GITHUB_STEP_SUMMARY</c> or a file): a status
/// line, a summary table, charts where a picture reads faster (a Mermaid xychart of throughput per card,
/// baseline vs now; text stacked bars of memory per card), and one collapsible &lt;details&gt; per scenario
/// that needs approval. Invariant culture.
/// </summary>
public sealed class MarkdownReport : IReportFormat
{
    public string Name => "markdown";

    public IReadOnlyList<string> Aliases => ["md"];

    public string? DefaultFileName => "perfgate.md";

    public bool GoesToJobSummary => true;

    /// <summary>Rows per scenario in the details table: keeps the job summary far below GitHub's 1 MiB per step.</summary>
    public const int MaxRowsPerScenario = 60;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public string Render(GateResult result, ReportContext context)
    {
        var displayPath = context.DisplayPath;
        var sb = new StringBuilder();
        var pending = result.Scenarios.Where(s => s.FailsGate).ToList();
        sb.Append(Inv, $"### PerfGate: {(result.Passed ? "gate passed" : "gate failed")} - {(pending.Count == 0 ? "every result equals its baseline" : $"{pending.Count} of {result.Scenarios.Count} scenario(s) need approval")}\n\n");
        SummaryTable(sb, result);
        MarkdownCharts.Throughput(sb, pending);
        MarkdownCharts.Memory(sb, pending);
        Accuracy(sb, context.Accuracy);
        foreach (var s in result.Scenarios.Where(s => s.FailsGate || s.WithinTolerance.Any()))
        {
            Details(sb, s, displayPath);
        }

        var stale = result.Scenarios.Where(s => s.ProvenanceStale).ToList();
        if (stale.Count > 0)
        {
            sb.Append("Provenance is stale for ").Append(string.Join(", ", stale.Select(s => $"`{Cell(s.ScenarioId)}`")))
                .Append(": an input's content changed (for example a comment) while every figure and setting equals the baseline; the gate passes. ")
                .Append("Refresh the recorded hashes with `perfgate approve <scenario>`.\n\n");
        }

        if (pending.Count > 0)
        {
            sb.Append("Approve locally after review (refused on CI): `perfgate approve <scenario>` or `perfgate approve --all`, then commit the changed `").Append(Cell(context.BaselineFiles)).Append("`.\n");
        }

        return sb.ToString();
    }

    /// <summary>Estimates against measurements: one linked SVG per scenario with a measured section, and its MAPE.</summary>
    private static void Accuracy(StringBuilder sb, IReadOnlyList<AccuracyPicture> pictures)
    {
        if (pictures.Count == 0)
        {
            return;
        }

        sb.Append("#### Estimates against measurements: ITL and TTFT against request rate (dots measured, line estimated)\n\n");
        foreach (var p in pictures)
        {
            var mape = p.Mape is { } m ? string.Create(Inv, $"MAPE {Math.Round(m, 1)} % where the serving-load model holds") : "no figure where the serving-load model holds";
            sb.Append(Inv, $"`{Cell(p.Scenario)}`: {mape} (`perfgate accuracy` prints every row)\n\n");
            sb.Append(Inv, $"![ITL and TTFT against request rate, {Cell(p.Scenario)}]({p.Link.Replace(" ", "%20", StringComparison.Ordinal)})\n\n");
        }
    }

    private static void SummaryTable(StringBuilder sb, GateResult result)
    {
        sb.Append("| Scenario | Status | Figures | Largest change | Approve |\n|---|---|---|---|---|\n");
        foreach (var s in result.Scenarios)
        {
            var failing = s.Failing.ToList();
            var top = ReportFormat.Ranked(failing).FirstOrDefault();
            var figures = s.Status switch
            {
                ScenarioStatus.Drifted when s.SettingsOnly => $"0 moved; {s.SettingChanges.Count} setting(s) differ",
                ScenarioStatus.Drifted => $"{failing.Count} moved ({failing.Count(d => d.Label == DriftLabel.Regression)} regression(s), {failing.Count(d => d.Label == DriftLabel.Improvement)} improvement(s))",
                ScenarioStatus.Removed => "no scenario",
                _ => (s.Current?.FigureCount ?? 0).ToString(Inv) + (s.WithinTolerance.Any() ? $" ({s.WithinTolerance.Count()} within tolerance)" : string.Empty)
                    + (s.ProvenanceStale ? " (provenance stale)" : string.Empty),
            };
            var largest = top is null ? string.Empty : $"`{Cell(top.Key)}` {Cell(Change(top))}";
            var approve = s.FailsGate ? $"`{s.ApproveCommand}`" : string.Empty;
            sb.Append(Inv, $"| `{Cell(s.ScenarioId)}` | {Badge(s.Status)} | {figures} | {largest} | {approve} |\n");
        }

        sb.Append('\n');
    }

    private static void Details(StringBuilder sb, ScenarioComparison s, Func<string, string> displayPath)
    {
        var failing = s.Failing.Count();
        var what = s.Status switch
        {
            ScenarioStatus.New => "new scenario, no baseline yet",
            ScenarioStatus.Removed => "baseline without a scenario",
            ScenarioStatus.Equal => "equal within tolerance",
            ScenarioStatus.Drifted when s.SettingsOnly => $"{s.SettingChanges.Count} setting(s) differ, no figure moved",
            _ => $"{failing} figure(s) moved",
        };
        sb.Append(Inv, $"<details><summary><b>{Html(s.ScenarioId)}</b>: {what}</summary>\n\n");
        sb.Append(Inv, $"Baseline: `{Cell(displayPath(s.BaselinePath))}`");
        if (s.ScenarioLocation.IsKnown)
        {
            sb.Append(Inv, $"; scenario: `{Cell(displayPath(s.ScenarioLocation.File))}`");
        }

        sb.Append("\n\n");
        if (s.Status == ScenarioStatus.Drifted || s.Status == ScenarioStatus.Equal)
        {
            sb.Append("Inputs changed since the baseline: ").Append(Cell(ReportFormat.Causes(s, max: 20))).Append("\n\n");
            sb.Append("| Figure | Baseline | Now | Change | Tolerance |\n|---|---:|---:|---|---|\n");
            var rows = ReportFormat.Ranked(s.Failing).Concat(s.WithinTolerance).ToList();
            foreach (var d in rows.Take(MaxRowsPerScenario))
            {
                var tolerance = d.PassedBecause ?? ((d.Tolerance?.Describe() ?? "exact") + (d.Tolerated ? " (within)" : string.Empty));
                sb.Append(Inv, $"| `{Cell(d.Key)}` | {Cell(ReportFormat.Value(d.Old, d.OldUnit, Inv))} | {Cell(ReportFormat.Value(d.New, d.NewUnit, Inv))} | {Cell(Change(d))} | {tolerance} |\n");
            }

            if (s.SettingsOnly)
            {
                foreach (var c in s.SettingChanges.Take(MaxRowsPerScenario))
                {
                    sb.Append(Inv, $"| `setting {Cell(c.Key)}` | {Cell(c.Old ?? "(unset)")} | {Cell(c.New ?? "(unset)")} | setting | exact |\n");
                }
            }

            if (rows.Count > MaxRowsPerScenario)
            {
                sb.Append(Inv, $"| ... and {rows.Count - MaxRowsPerScenario} more (see the received file or `perfgate check` locally) | | | | |\n");
            }

            sb.Append('\n');
        }
        else if (s.Status == ScenarioStatus.New && s.Current is not null)
        {
            sb.Append("| Figure | Now |\n|---|---:|\n");
            foreach (var m in s.Current.Metrics)
            {
                sb.Append(Inv, $"| `{Cell(m.Key)}` | {Cell(ReportFormat.Value(m.Value, m.Unit, Inv))} |\n");
            }

            sb.Append('\n');
        }

        if (s.FailsGate)
        {
            sb.Append(Inv, $"To approve: `{s.ApproveCommand}`\n");
        }

        sb.Append("</details>\n\n");
    }

    internal static string Change(MetricDrift d) => d.Kind switch
    {
        DriftKind.Added => "added",
        DriftKind.Removed => "removed",
        _ => $"{ReportFormat.Percent(d.ChangePercent, Inv)} {ReportFormat.Label(d.Label)}",
    };

    private static string Badge(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Equal => ":white_check_mark: equal",
        ScenarioStatus.Drifted => ":x: drifted",
        ScenarioStatus.New => ":new: new",
        _ => ":wastebasket: removed",
    };

    internal static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal).Replace("\n", " ", StringComparison.Ordinal);

    private static string Html(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
