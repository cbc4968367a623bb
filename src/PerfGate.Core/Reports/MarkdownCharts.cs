using System.Globalization;
using System.Text;
using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>
/// The Markdown report's charts. Throughput: a Mermaid <c>xychart-beta</c> (bars = baseline, line = now),
/// which GitHub renders in comments and job summaries. Memory: stacked text bars, one glyph per
/// component, scaled to the card's capacity, because Mermaid has no stacked bars and GitHub strips inline SVG.
/// </summary>
internal static class MarkdownCharts
{
    private const int MaxScenarios = 12;
    private const int BarWidth = 40;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;
    private static readonly char[] Glyphs = ['█', '▓', '▒', '░', '▞', '▚'];

    public static void Throughput(StringBuilder sb, IReadOnlyList<ScenarioComparison> scenarios)
    {
        var rows = scenarios
            .Select(s => (s.ScenarioId, Old: Find(s.Baseline, WellKnownMetrics.ThroughputPerCard), New: Find(s.Current, WellKnownMetrics.ThroughputPerCard)))
            .Where(r => r.Old is not null && r.New is not null && r.Old.Value != r.New.Value)
            .Take(MaxScenarios)
            .ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var unit = rows[0].Old!.Value.Unit;
        sb.Append(Inv, $"#### Throughput per card ({unit}): bars = baseline, line = now\n\n");
        sb.Append("```mermaid\nxychart-beta\n");
        sb.Append(Inv, $"    title \"Throughput per card, baseline vs now\"\n");
        sb.Append("    x-axis [").Append(string.Join(", ", rows.Select(r => "\"" + r.ScenarioId + "\""))).Append("]\n");
        sb.Append(Inv, $"    y-axis \"{unit}\"\n");
        sb.Append("    bar [").Append(string.Join(", ", rows.Select(r => Number(r.Old)))).Append("]\n");
        sb.Append("    line [").Append(string.Join(", ", rows.Select(r => Number(r.New)))).Append("]\n");
        sb.Append("```\n\n");
    }

    public static void Memory(StringBuilder sb, IReadOnlyList<ScenarioComparison> scenarios)
    {
        var bars = new List<(string Scenario, string Which, List<Metric> Stack, double? Capacity)>();
        foreach (var s in scenarios)
        {
            var old = Stack(s.Baseline);
            var now = Stack(s.Current);
            if (SameStack(old, now))
            {
                continue;
            }

            if (old.Count > 0)
            {
                bars.Add((s.ScenarioId, "baseline", old, Find(s.Baseline, WellKnownMetrics.MemoryCapacity)?.Value.Number));
            }

            if (now.Count > 0)
            {
                bars.Add((s.ScenarioId, "now", now, Find(s.Current, WellKnownMetrics.MemoryCapacity)?.Value.Number));
            }
        }

        if (bars.Count == 0)
        {
            return;
        }

        bars = bars.Take(MaxScenarios * 2).ToList();
        var components = bars.SelectMany(b => b.Stack.Select(m => m.Key[WellKnownMetrics.MemoryStackPrefix.Length..])).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var legend = string.Join(", ", components.Select((c, i) => $"`{Glyphs[i % Glyphs.Length]}` {c}"));
        var scale = bars.Max(b => b.Capacity ?? b.Stack.Sum(m => m.Value.Number));
        sb.Append(Inv, $"#### Memory per card (GiB): {legend}, `·` free\n\n");
        sb.Append("| Scenario | | Stack | Used / capacity |\n|---|---|---|---:|\n");
        foreach (var (scenario, which, stack, capacity) in bars)
        {
            var width = capacity ?? scale;
            var line = new StringBuilder();
            foreach (var m in stack)
            {
                var glyph = Glyphs[components.IndexOf(m.Key[WellKnownMetrics.MemoryStackPrefix.Length..]) % Glyphs.Length];
                line.Append(glyph, Math.Max(0, (int)Math.Round(m.Value.Number / width * BarWidth)));
            }

            if (capacity is not null && line.Length < BarWidth)
            {
                line.Append('·', BarWidth - line.Length);
            }

            var used = SignificantDigits.Format(SignificantDigits.Round(stack.Sum(m => m.Value.Number), 4));
            var of = capacity is null ? string.Empty : " / " + SignificantDigits.Format(SignificantDigits.Round(capacity.Value, 4));
            sb.Append(Inv, $"| `{scenario}` | {which} | `{line}` | {used}{of} |\n");
        }

        sb.Append('\n');
    }

    private static List<Metric> Stack(Snapshot? snapshot) => snapshot?.Metrics
        .Where(m => m.Key.StartsWith(WellKnownMetrics.MemoryStackPrefix, StringComparison.Ordinal) && m.Value.IsNumber && m.Unit == "GiB")
        .ToList() ?? [];

    private static bool SameStack(List<Metric> a, List<Metric> b) => a.Count == b.Count && a.Zip(b).All(p => p.First == p.Second);

    private static Metric? Find(Snapshot? snapshot, string key) => snapshot?.FindMetric(key) is { Value.IsNumber: true } m ? m : null;

    private static string Number(Metric? m) => m is { } metric ? SignificantDigits.Format(metric.Value.Number) : "0";
}
