using System.Globalization;
using System.Text.RegularExpressions;
using PerfGate.Diagnostics;

namespace PerfGate.Measurements.Formats;

/// <summary>
/// MindIE Benchmark's console output (seed 003): a "performance metric result" table (Metric | average | max | min |
/// P75 | P90 | SLO_P90 | P99 | N; AISBench's Stage | Average | Max | Min | Median | ... is read too) and a "common metric
/// result" table (Failed <c>0( 0.0% )</c>, Returned, Concurrency, ModelName, Throughput, GenerateSpeed or
/// OutputGenerateSpeed, GenerateSpeedPerClient). Tables are found by their title line, so log prefixes, other text and
/// other tables (npu-smi) around them are ignored. Cells carry units (ms, μs, s, token/s, req/s); "/" is not available.
/// SLO_P90 is a service-level figure, not a percentile, and is not imported.
/// </summary>
public sealed partial class MindieConsoleFormat : IMeasuredFormat
{
    private const string PerformanceTitle = "performance metric result is:";
    private const string CommonTitle = "common metric result is:";

    private static readonly IReadOnlyList<(string Row, MeasuredMetricKind Kind, string Definition)> Rows =
    [
        ("FirstTokenTime", MeasuredMetricKind.TimeToFirstToken, "MindIE: request sent to first token, per request"),
        ("TTFT", MeasuredMetricKind.TimeToFirstToken, "AISBench: request sent to first token, per request"),
        ("DecodeTime", MeasuredMetricKind.InterTokenLatency, "MindIE: time of each decode step after the first token, pooled over requests"),
        ("ITL", MeasuredMetricKind.InterTokenLatency, "AISBench: gap between output tokens, pooled over requests"),
        ("TPOT", MeasuredMetricKind.TimePerOutputToken, "AISBench: per request (E2E latency - TTFT) / (output tokens - 1)"),
        ("GenerateTime", MeasuredMetricKind.RequestLatency, "MindIE: request sent to last token, per request"),
        ("E2EL", MeasuredMetricKind.RequestLatency, "AISBench: request sent to last token, per request"),
        ("GeneratedTokenSpeed", MeasuredMetricKind.OutputTokensPerSecondPerUser, "MindIE: per request output tokens / generate time"),
    ];

    private static readonly IReadOnlyList<KeyValuePair<string, string>> StatisticColumns =
    [
        new("average", "mean"), new("max", "max"), new("min", "min"), new("median", "median"),
        new("p50", "p50"), new("p75", "p75"), new("p90", "p90"), new("p99", "p99"),
    ];

    public string Id => "mindie-console";

    public string Description => "MindIE Benchmark / AISBench console output";

    public bool Recognises(MeasuredInput input) =>
        input.Text.Contains(PerformanceTitle, StringComparison.Ordinal) || input.Text.Contains(CommonTitle, StringComparison.Ordinal);

    public MeasuredParseResult Parse(MeasuredInput input)
    {
        var lines = input.Text.Split('\n');
        var runs = new List<MeasuredRun>();
        var diagnostics = new List<Diagnostic>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].Contains(PerformanceTitle, StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var performance = ReadTable(lines, ref i);
            var values = ReadPerformance(performance, input.File, diagnostics, out var prompt, out var output);
            var common = new Dictionary<string, (string Text, SourceLocation At)>(StringComparer.OrdinalIgnoreCase);
            var next = i + 1;
            while (next < lines.Length && !lines[next].Contains(PerformanceTitle, StringComparison.Ordinal) && !lines[next].Contains(CommonTitle, StringComparison.Ordinal))
            {
                next++;
            }

            if (next < lines.Length && lines[next].Contains(CommonTitle, StringComparison.Ordinal))
            {
                i = next;
                foreach (var row in ReadTable(lines, ref i).Where(r => r.Cells.Count == 2))
                {
                    common[row.Cells[0].Text] = (row.Cells[1].Text, new SourceLocation(input.File, row.Line, row.Cells[1].Column));
                }
            }

            if (values is not null && ReadRun(values, common, new SourceLocation(input.File, start + 1, 1), prompt, output, diagnostics) is { } run)
            {
                runs.Add(run);
            }
        }

        if (runs.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredNoRuns, $"no '{PerformanceTitle}' table: MindIE's benchmark prints 'The BenchMark test {PerformanceTitle}' above each run's table", new SourceLocation(input.File, 1, 1)));
        }

        return new MeasuredParseResult(runs, diagnostics);
    }

    /// <summary>The pipe rows of the table after the title line at <paramref name="i"/> (border lines skipped); leaves <paramref name="i"/> on its last line.</summary>
    private static List<TableRow> ReadTable(string[] lines, ref int i)
    {
        var rows = new List<TableRow>();
        while (i + 1 < lines.Length)
        {
            var line = lines[i + 1].TrimEnd('\r');
            if (line.StartsWith('+'))
            {
                i++;
                continue;
            }

            if (TableRow.Parse(line, i + 2) is not { } row)
            {
                break;
            }

            rows.Add(row);
            i++;
        }

        return rows;
    }

    private static List<MeasuredMetric>? ReadPerformance(List<TableRow> rows, string file, List<Diagnostic> diagnostics, out double? prompt, out double? output)
    {
        (prompt, output) = (null, null);
        if (rows.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredSyntax, "the performance table is missing below its title", new SourceLocation(file, 1, 1)));
            return null;
        }

        var header = rows[0];
        var values = new List<MeasuredMetric>();
        foreach (var row in rows.Skip(1))
        {
            if (row.Cells.Count != header.Cells.Count)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredSyntax, string.Create(CultureInfo.InvariantCulture, $"this row has {row.Cells.Count} cells, the header {header.Cells.Count}"), new SourceLocation(file, row.Line, 1)));
                return null;
            }

            var name = row.Cells[0].Text;
            if (name is "InputTokens" or "GeneratedTokens" or "OutputTokens")
            {
                var average = QuantityCell.TryParse(row.Cells[1].Text, out var v, out _) ? v : (double?)null;
                (prompt, output) = name == "InputTokens" ? (average, output) : (prompt, average);
                continue;
            }

            var map = Rows.FirstOrDefault(r => r.Row == name);
            if (map.Row is null)
            {
                continue;
            }

            for (var c = 1; c < header.Cells.Count; c++)
            {
                var statistic = StatisticColumns.FirstOrDefault(s => string.Equals(s.Key, header.Cells[c].Text, StringComparison.OrdinalIgnoreCase)).Value;
                var (text, column) = row.Cells[c];
                if (statistic is null || text.StartsWith('/'))
                {
                    continue;
                }

                var canonical = MeasuredMetricKinds.Of(map.Kind).Unit;
                if (!QuantityCell.TryParse(text, out var value, out var unit) || MeasuredUnits.Scale(unit, canonical) is not { } scale)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredInvalidValue, $"'{text}' ({name}, {header.Cells[c].Text}) is not a number with a unit convertible to {canonical} ({MeasuredUnits.Spellings(canonical)})", new SourceLocation(file, row.Line, column)));
                    return null;
                }

                values.Add(new MeasuredMetric(map.Kind, statistic, value * scale, map.Definition));
            }
        }

        return values;
    }

    private MeasuredRun? ReadRun(List<MeasuredMetric> values, Dictionary<string, (string Text, SourceLocation At)> common, SourceLocation at, double? prompt, double? output, List<Diagnostic> diagnostics)
    {
        double? Quantity(string key, string canonical)
        {
            if (!common.TryGetValue(key, out var cell) || cell.Text.StartsWith('/'))
            {
                return null;
            }

            if (QuantityCell.TryParse(cell.Text, out var v, out var unit) && MeasuredUnits.Scale(unit, canonical) is { } scale)
            {
                return v * scale;
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredInvalidValue, $"'{cell.Text}' ({key}) is not a number with a unit convertible to {canonical}", cell.At));
            return null;
        }

        int? Count(string key)
        {
            if (!common.TryGetValue(key, out var cell))
            {
                return null;
            }

            var match = CountCell().Match(cell.Text);
            if (match.Success)
            {
                return int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredInvalidValue, $"'{cell.Text}' ({key}) is not a count; expected e.g. '0( 0.0% )' or '200[ 100.0% ]'", cell.At));
            return null;
        }

        var before = diagnostics.Count;
        if (Quantity("Throughput", "req/s") is { } rps)
        {
            values.Add(new MeasuredMetric(MeasuredMetricKind.RequestsPerSecond, "mean", rps, "MindIE: returned requests / elapsed time"));
        }

        if ((Quantity("OutputGenerateSpeed", "tokens/s") ?? Quantity("GenerateSpeed", "tokens/s")) is { } otps)
        {
            values.Add(new MeasuredMetric(MeasuredMetricKind.OutputTokensPerSecond, "mean", otps, "MindIE: generated tokens / elapsed time (GenerateSpeed, OutputGenerateSpeed in newer builds)"));
        }

        if (Quantity("GenerateSpeedPerClient", "tokens/s") is { } perClient)
        {
            values.Add(new MeasuredMetric(MeasuredMetricKind.OutputTokensPerSecondPerUser, "per_client", perClient, "MindIE: GenerateSpeed / Concurrency"));
        }

        var returned = Count("Returned");
        Count("Failed");
        var concurrency = Count("Concurrency");
        if (diagnostics.Count > before)
        {
            return null;
        }

        var model = common.TryGetValue("ModelName", out var name) ? name.Text : null;
        var source = common.TryGetValue("DataSource", out var data) ? data.Text : null;
        var workload = new MeasuredWorkload(LoadMode.Concurrency, null, concurrency, prompt, output);
        var label = source is null ? workload.Label : $"{workload.Label} {source}";
        return new MeasuredRun(at, Id, label, new MeasuredSystem("MindIE", model, null, null, null), workload, values, returned == 0);
    }

    [GeneratedRegex(@"^(\d+)\s*(?:[(\[]\s*[\d.]+%\s*[)\]])?$", RegexOptions.CultureInvariant)]
    private static partial Regex CountCell();
}
