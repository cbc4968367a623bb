using System.Globalization;
using System.Text.Json;
using PerfGate.Gate;
using PerfGate.Reports;
using PerfGate.Syntax;

namespace PerfGate.Run;

/// <summary>
/// A shard report's scenario back to what the reports draw: its current snapshot from <c>figures</c> (metrics, and
/// table cells <c>table[row].column</c> regrouped into their tables in the order written) and its baseline's figures
/// (the current ones with each drift undone: a changed figure takes its old value, an added one goes, a removed one
/// comes back). So <c>perfgate merge --report bmf|github-benchmark-smaller|github-benchmark-bigger</c> writes the chart
/// exports one check of the whole workspace writes. What only an evaluation knows (the memory and accuracy pictures,
/// JUnit times) is not in a shard report. A report without <c>figures</c> gives a scenario without figures.
/// </summary>
internal static class ShardFigures
{
    private static readonly Dictionary<string, MetricDirection> Directions =
        Enum.GetValues<MetricDirection>().ToDictionary(ReportFormat.Direction, StringComparer.Ordinal);

    public static ScenarioComparison Comparison(ShardReport.ReportedScenario s)
    {
        var current = Figures(s.Json["figures"]?.Items ?? [], "value");
        var comparison = new ScenarioComparison { ScenarioId = s.Id, Status = s.Status, BaselinePath = s.Baseline };
        if (current.Count == 0)
        {
            return comparison;
        }

        var baseline = s.Status == ScenarioStatus.New ? null : Undo(current, s.Json["drifts"]?.Items ?? []);
        return comparison with { Current = Snapshot(s.Id, current), Baseline = baseline is null ? null : Snapshot(s.Id, baseline) };
    }

    private static List<Metric> Figures(IEnumerable<LocatedJson> items, string valueName) => items
        .Select(f => Figure(f, valueName))
        .OfType<Metric>()
        .ToList();

    private static Metric? Figure(LocatedJson f, string valueName) =>
        f["key"] is { Kind: JsonTokenType.String, Text: { } key } && Value(f[valueName]) is { } value
            ? new Metric(key, value, f["unit"]?.Text ?? string.Empty, Directions.GetValueOrDefault(f["direction"]?.Text ?? string.Empty, MetricDirection.Neutral))
            : null;

    private static SnapshotValue? Value(LocatedJson? node) => node?.Kind switch
    {
        JsonTokenType.Number when double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => SnapshotValue.Of(n),
        JsonTokenType.True => SnapshotValue.Of(true),
        JsonTokenType.False => SnapshotValue.Of(false),
        JsonTokenType.String => SnapshotValue.Of(node.Text!),
        _ => null,
    };

    private static List<Metric> Undo(List<Metric> current, IEnumerable<LocatedJson> drifts)
    {
        var figures = current.ToList();
        foreach (var d in drifts)
        {
            var key = d["key"]?.Text;
            var at = figures.FindIndex(m => m.Key == key);
            switch (d["kind"]?.Text)
            {
                case "added" when at >= 0:
                    figures.RemoveAt(at);
                    break;
                case "removed" when Figure(d, "old") is { } old:
                    figures.Add(old);
                    break;
                case "changed" when at >= 0 && Figure(d, "old") is { } old:
                    figures[at] = old;
                    break;
            }
        }

        return figures;
    }

    private static Snapshot Snapshot(string id, List<Metric> figures)
    {
        var metrics = figures.Where(m => !m.Key.Contains('[', StringComparison.Ordinal)).OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        var tables = new List<SnapshotTable>();
        foreach (var table in figures.Select(Cell).OfType<(string Table, string Row, string Column, Metric Figure)>().GroupBy(c => c.Table, StringComparer.Ordinal))
        {
            var columns = table.GroupBy(c => c.Column, StringComparer.Ordinal).Select(c => new SnapshotColumn(c.Key, c.First().Figure.Unit, c.First().Figure.Direction)).ToList();
            var rows = table.GroupBy(c => c.Row, StringComparer.Ordinal)
                .Where(r => r.Count() == columns.Count)
                .Select(r => new SnapshotRow(r.Key, columns.Select(col => r.First(c => c.Column == col.Name).Figure.Value).ToList()))
                .ToList();
            tables.Add(new SnapshotTable(table.Key, columns, rows));
        }

        return new Snapshot { ScenarioId = id, ToolVersion = string.Empty, Metrics = metrics, Tables = tables };
    }

    /// <summary>"decode.breakdown[dense/attention].time" as (table, row, column); null for a metric.</summary>
    private static (string Table, string Row, string Column, Metric Figure)? Cell(Metric m)
    {
        var open = m.Key.IndexOf('[', StringComparison.Ordinal);
        var close = m.Key.LastIndexOf("].", StringComparison.Ordinal);
        return open > 0 && close > open ? (m.Key[..open], m.Key[(open + 1)..close], m.Key[(close + 2)..], m) : null;
    }
}
