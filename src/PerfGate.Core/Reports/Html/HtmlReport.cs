using System.Globalization;
using System.Text;
using PerfGate.Gate;
using PerfGate.Measurements.Accuracy;
using PerfGate.Memory;
using static PerfGate.Reports.Html.HtmlText;

namespace PerfGate.Reports.Html;

/// <summary>
/// <c>--report html=FILE</c>: one self-contained page (inline CSS and inline SVG; no script, no external font, image
/// or style sheet, so it opens from a CI artifact offline): the verdict, a summary table, throughput per card baseline
/// vs now for every scenario that has it, then per scenario the figures that moved, the memory stack per card as
/// <c>perfgate memory --svg</c> draws it (<see cref="MemoryBudgetSvg"/>), the decode step time per operator baseline
/// vs now, the estimates against measurements for a scenario with a <c>measured:</c> section (<see cref="AccuracySvg"/>,
/// as <c>perfgate accuracy --svg</c> draws it) and every current metric. The memory and accuracy pictures need the
/// host's <see cref="ReportContext.Details"/> (a page without them leaves those pictures out). All text is escaped;
/// numbers are invariant.
/// </summary>
public sealed class HtmlReport : IReportFormat
{
    public string Name => "html";

    public IReadOnlyList<string> Aliases => [];

    public string? DefaultFileName => "perfgate.html";

    public bool GoesToJobSummary => false;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 24px; color: #212121; background: #ffffff; max-width: 1180px; }
        h1 { font-size: 22px; margin: 0 0 8px; }
        h2 { font-size: 18px; margin: 32px 0 8px; border-bottom: 1px solid #e0e0e0; padding-bottom: 4px; }
        h3 { font-size: 15px; margin: 20px 0 6px; }
        table { border-collapse: collapse; margin: 8px 0 16px; font-size: 13px; }
        th, td { border: 1px solid #e0e0e0; padding: 4px 8px; text-align: left; vertical-align: top; }
        th { background: #f5f5f5; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        code { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; font-size: 12px; }
        h2 code { font-size: 17px; }
        .verdict { display: inline-block; padding: 4px 10px; border-radius: 4px; color: #ffffff; font-weight: bold; }
        .passed { background: #2e7d32; }
        .failed { background: #c62828; }
        .badge { display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 12px; color: #ffffff; }
        .equal { background: #2e7d32; }
        .drifted { background: #c62828; }
        .new { background: #1565c0; }
        .removed { background: #6d4c41; }
        .regression { color: #c62828; }
        .improvement { color: #2e7d32; }
        .muted { color: #616161; }
        svg { display: block; margin: 8px 0 16px; max-width: 100%; height: auto; }
        """;

    public string Render(GateResult result, ReportContext context)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(context);
        var pending = result.Scenarios.Count(s => s.FailsGate);
        var verdict = result.Passed ? "gate passed" : "gate failed";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        sb.Append(Inv, $"<title>PerfGate: {verdict}</title>\n<style>\n{Style}</style>\n</head>\n<body>\n");
        sb.Append(Inv, $"<h1>PerfGate <span class=\"verdict {(result.Passed ? "passed" : "failed")}\">{verdict}</span></h1>\n");
        var counts = string.Join(", ", Enum.GetValues<ScenarioStatus>().Select(s => $"{result.Count(s)} {ReportFormat.Status(s)}"));
        sb.Append(Inv, $"<p>{result.Scenarios.Count} scenario(s): {counts}. {(pending == 0 ? "Every result equals its baseline." : $"{pending} need approval.")}</p>\n");
        Summary(sb, result);
        Throughput(sb, result);
        foreach (var s in result.Scenarios)
        {
            Scenario(sb, s, context);
        }

        sb.Append("<footer class=\"muted\">\n");
        sb.Append(Inv, $"<p>Baselines: <code>{Escape(context.BaselineFiles)}</code>. ");
        sb.Append(pending > 0
            ? "Approve locally after review (refused on CI): <code>perfgate approve &lt;scenario&gt;</code> or <code>perfgate approve --all</code>, then commit the changed baseline files.</p>\n"
            : "Nothing to approve.</p>\n");
        sb.Append("</footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Summary(StringBuilder sb, GateResult result)
    {
        sb.Append("<table>\n<tr><th>Scenario</th><th>Status</th><th>Figures moved</th><th>Largest change</th><th>Approve</th></tr>\n");
        foreach (var s in result.Scenarios)
        {
            var failing = s.Failing.ToList();
            var top = ReportFormat.Ranked(failing).FirstOrDefault();
            var largest = top is null ? string.Empty : $"<code>{Escape(top.Key)}</code> <span class=\"{Tone(top)}\">{Escape(MarkdownReport.Change(top))}</span>";
            var approve = s.FailsGate ? $"<code>{Escape(s.ApproveCommand)}</code>" : string.Empty;
            sb.Append(Inv, $"<tr><td><a href=\"#{Anchor(s.ScenarioId)}\"><code>{Escape(s.ScenarioId)}</code></a></td><td>{Badge(s.Status)}</td><td class=\"num\">{failing.Count}</td><td>{largest}</td><td>{approve}</td></tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void Throughput(StringBuilder sb, GateResult result)
    {
        var rows = result.Scenarios
            .Select(s => (s.ScenarioId, Old: Find(s.Baseline, WellKnownMetrics.ThroughputPerCard), New: Find(s.Current, WellKnownMetrics.ThroughputPerCard)))
            .Where(r => r.Old is not null || r.New is not null)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var unit = (rows[0].New ?? rows[0].Old)!.Value.Unit;
        sb.Append("<h2>Throughput per card, baseline vs now</h2>\n");
        sb.Append(HtmlCharts.PairedBars($"Throughput per card ({unit})", unit, rows.Select(r => new HtmlCharts.Row(r.ScenarioId, r.Old?.Value.Number, r.New?.Value.Number)).ToList()));
    }

    private static void Scenario(StringBuilder sb, ScenarioComparison s, ReportContext context)
    {
        sb.Append(Inv, $"<section id=\"{Anchor(s.ScenarioId)}\">\n<h2><code>{Escape(s.ScenarioId)}</code> {Badge(s.Status)}</h2>\n");
        sb.Append(Inv, $"<p class=\"muted\">Baseline: <code>{Escape(context.DisplayPath(s.BaselinePath).Replace('\\', '/'))}</code>");
        if (s.ScenarioLocation.IsKnown)
        {
            sb.Append(Inv, $"; scenario: <code>{Escape(context.DisplayPath(s.ScenarioLocation.File).Replace('\\', '/'))}</code>");
        }

        sb.Append("</p>\n");
        Moved(sb, s);
        var details = context.DetailsOf(s.ScenarioId);
        if (details.Memory is { } budget)
        {
            sb.Append("<h3>Memory per card (now)</h3>\n").Append(MemoryBudgetSvg.Render(budget, $"{s.ScenarioId}: memory per card"));
        }

        Breakdown(sb, s);
        if (details.Accuracy is { } accuracy)
        {
            sb.Append("<h3>Estimates against measurements</h3>\n").Append(AccuracySvg.Render(accuracy, $"{s.ScenarioId}: ITL and TTFT against request rate", null));
            sb.Append(Inv, $"<p>{(accuracy.Mape is { } mape ? Escape(FormattableString.Invariant($"MAPE {Math.Round(mape, 1)} % over {accuracy.Rows.Count(r => r.Counts)} figure(s) where the steady-state model holds")) : "MAPE n/a: no figure where the steady-state model holds")}</p>\n");
        }

        Figures(sb, s);
        if (s.FailsGate)
        {
            sb.Append(Inv, $"<p>To approve: <code>{Escape(s.ApproveCommand)}</code></p>\n");
        }

        sb.Append("</section>\n");
    }

    private static void Moved(StringBuilder sb, ScenarioComparison s)
    {
        var rows = ReportFormat.Ranked(s.Failing).Concat(s.WithinTolerance).ToList();
        if (s.Status is ScenarioStatus.Drifted or ScenarioStatus.Equal && (rows.Count > 0 || s.SettingChanges.Count > 0 || s.InputChanges.Count > 0))
        {
            sb.Append(Inv, $"<p>Inputs changed since the baseline: {Escape(ReportFormat.Causes(s, max: 20))}</p>\n");
        }

        if (rows.Count == 0 && !s.SettingsOnly)
        {
            return;
        }

        sb.Append("<table>\n<tr><th>Figure</th><th>Baseline</th><th>Now</th><th>Change</th><th>Tolerance</th></tr>\n");
        foreach (var d in rows.Take(MarkdownReport.MaxRowsPerScenario))
        {
            var tolerance = d.PassedBecause ?? ((d.Tolerance?.Describe() ?? "exact") + (d.Tolerated ? " (within)" : string.Empty));
            sb.Append(Inv, $"<tr><td><code>{Escape(d.Key)}</code></td><td class=\"num\">{Escape(ReportFormat.Value(d.Old, d.OldUnit, Inv))}</td><td class=\"num\">{Escape(ReportFormat.Value(d.New, d.NewUnit, Inv))}</td><td class=\"{Tone(d)}\">{Escape(MarkdownReport.Change(d))}</td><td>{Escape(tolerance)}</td></tr>\n");
        }

        if (s.SettingsOnly)
        {
            foreach (var c in s.SettingChanges.Take(MarkdownReport.MaxRowsPerScenario))
            {
                sb.Append(Inv, $"<tr><td><code>setting {Escape(c.Key)}</code></td><td>{Escape(c.Old ?? "(unset)")}</td><td>{Escape(c.New ?? "(unset)")}</td><td>setting</td><td>exact</td></tr>\n");
            }
        }

        if (rows.Count > MarkdownReport.MaxRowsPerScenario)
        {
            sb.Append(Inv, $"<tr><td colspan=\"5\">... and {rows.Count - MarkdownReport.MaxRowsPerScenario} more (see the received file or the JSON report)</td></tr>\n");
        }

        sb.Append("</table>\n");
    }

    private static void Breakdown(StringBuilder sb, ScenarioComparison s)
    {
        var old = Times(s.Baseline);
        var now = Times(s.Current);
        if (old.Count == 0 && now.Count == 0)
        {
            return;
        }

        var operators = now.Keys.Concat(old.Keys).Distinct(StringComparer.Ordinal).ToList();
        var rows = operators.Select(o => new HtmlCharts.Row(o, old.TryGetValue(o, out var b) ? b : null, now.TryGetValue(o, out var n) ? n : null)).ToList();
        sb.Append("<h3>Decode step time per operator, baseline vs now</h3>\n");
        sb.Append(HtmlCharts.PairedBars($"{s.ScenarioId}: decode breakdown (time per step, all instances)", "us", rows));
    }

    /// <summary>The decode breakdown's time per operator, in the table's row order (the step's order).</summary>
    private static Dictionary<string, double> Times(Snapshot? snapshot)
    {
        var times = new Dictionary<string, double>(StringComparer.Ordinal);
        if (snapshot?.Tables.FirstOrDefault(t => t.Name == WellKnownMetrics.DecodeBreakdown) is not { } table)
        {
            return times;
        }

        var column = table.Columns.ToList().FindIndex(c => c.Name == WellKnownMetrics.DecodeBreakdownTime);
        if (column < 0)
        {
            return times;
        }

        foreach (var row in table.Rows.Where(r => r.Cells[column].IsNumber))
        {
            times[row.Key] = row.Cells[column].Number;
        }

        return times;
    }

    private static void Figures(StringBuilder sb, ScenarioComparison s)
    {
        var metrics = (s.Current ?? s.Baseline)?.Metrics ?? [];
        if (metrics.Count == 0)
        {
            return;
        }

        sb.Append(Inv, $"<details><summary>All {metrics.Count} metric(s){(s.Current is null ? " of the baseline" : string.Empty)}</summary>\n");
        sb.Append("<table>\n<tr><th>Metric</th><th>Baseline</th><th>Now</th><th>Direction</th></tr>\n");
        foreach (var m in metrics)
        {
            var old = s.Baseline?.FindMetric(m.Key);
            var now = s.Current?.FindMetric(m.Key);
            sb.Append(Inv, $"<tr><td><code>{Escape(m.Key)}</code></td><td class=\"num\">{Escape(ReportFormat.Value(old?.Value, old?.Unit ?? string.Empty, Inv))}</td><td class=\"num\">{Escape(ReportFormat.Value(now?.Value, now?.Unit ?? string.Empty, Inv))}</td><td>{ReportFormat.Direction(m.Direction)}</td></tr>\n");
        }

        sb.Append("</table>\n</details>\n");
    }

    private static Metric? Find(Snapshot? snapshot, string key) => snapshot?.FindMetric(key) is { Value.IsNumber: true } m ? m : null;

    private static string Badge(ScenarioStatus status) => $"<span class=\"badge {ReportFormat.Status(status)}\">{ReportFormat.Status(status)}</span>";

    private static string Tone(MetricDrift d) => d.Label switch
    {
        DriftLabel.Regression => "regression",
        DriftLabel.Improvement => "improvement",
        DriftLabel.Change => "change",
        _ => throw new ArgumentOutOfRangeException(nameof(d), d.Label, "unknown drift label"),
    };

    /// <summary>A fragment id from a scenario id: letters, digits, '-', '_' and '.' kept, anything else '-'.</summary>
    private static string Anchor(string id) => "scenario-" + string.Concat(id.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '-'));
}
