using System.Globalization;
using System.Text.RegularExpressions;
using PerfGate.Diagnostics;

namespace PerfGate.Measurements.Formats;

/// <summary>
/// The Markdown result tables of seed 001 (GuideLLM's report columns: Benchmark, Requests per Second, Request Latency,
/// Time to First Token, Inter Token Latency, Output Token Throughput), each under a bullet that names the system:
/// <c>- **Qwen2-72B-Instruct**, **4**张**A100 80GB**, **vLLM**, prompt_tokens=512, generated_tokens=128</c>
/// (张 is the Chinese counter for cards; "x" and "×" are accepted too). Rows are synchronous,
/// <c>asynchronous@R req/sec</c> and throughput; a row of zeros is a failed run. The values are GuideLLM's means over
/// completed requests.
/// </summary>
public sealed partial class GuideLlmMarkdownFormat : IMeasuredFormat
{
    private static readonly IReadOnlyList<(string Header, MeasuredMetricKind Kind, string Definition)> Columns =
    [
        ("Requests per Second", MeasuredMetricKind.RequestsPerSecond, "GuideLLM report table: completed requests per second"),
        ("Request Latency", MeasuredMetricKind.RequestLatency, "GuideLLM report table: mean request start to last token"),
        ("Time to First Token", MeasuredMetricKind.TimeToFirstToken, "GuideLLM report table: mean request start to first token"),
        ("Inter Token Latency", MeasuredMetricKind.InterTokenLatency, "GuideLLM report table: mean gap between output tokens after the first"),
        ("Output Token Throughput", MeasuredMetricKind.OutputTokensPerSecond, "GuideLLM report table: output tokens per second"),
    ];

    public string Id => "guidellm-markdown";

    public string Description => "GuideLLM report tables in Markdown";

    public bool Recognises(MeasuredInput input) =>
        input.Text.Contains("| Benchmark", StringComparison.Ordinal) && input.Text.Contains("Time to First Token", StringComparison.Ordinal);

    public MeasuredParseResult Parse(MeasuredInput input)
    {
        var runs = new List<MeasuredRun>();
        var diagnostics = new List<Diagnostic>();
        var lines = input.Text.Split('\n');
        var system = MeasuredSystem.Unknown;
        var (prompt, output) = ((double?)null, (double?)null);
        IReadOnlyList<int>? columnOf = null;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (Heading().Match(line) is { Success: true } heading)
            {
                (system, prompt, output) = ReadHeading(heading.Groups[1].Value);
                columnOf = null;
                continue;
            }

            if (TableRow.Parse(line, i + 1) is not { } row)
            {
                continue;
            }

            if (row.Cells.Count > 0 && row.Cells[0].Text == "Benchmark")
            {
                columnOf = ReadHeader(row, input.File, diagnostics);
            }
            else if (row.Cells.All(c => c.Text.Trim(':', '-', ' ').Length == 0))
            {
                continue;
            }
            else if (columnOf is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredSyntax, "a table row before a '| Benchmark | ...' header row", new SourceLocation(input.File, i + 1, 1)));
            }
            else if (ReadRow(row, columnOf, input.File, system, prompt, output, diagnostics) is { } run)
            {
                runs.Add(run);
            }
        }

        return new MeasuredParseResult(runs, diagnostics);
    }

    private static (MeasuredSystem System, double? Prompt, double? Output) ReadHeading(string text)
    {
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        string? model = null, hardware = null, engine = null;
        int? cards = null;
        double? prompt = null, output = null;
        foreach (var part in parts)
        {
            var plain = part.Replace("**", string.Empty, StringComparison.Ordinal).Trim();
            if (Cards().Match(plain) is { Success: true } m)
            {
                cards = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
                hardware = m.Groups[2].Value.Trim();
            }
            else if (plain.Split('=', 2) is [var key, var value] && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                prompt = key.Trim() is "prompt_tokens" ? n : prompt;
                output = key.Trim() is "generated_tokens" or "output_tokens" ? n : output;
            }
            else if (model is null)
            {
                model = plain;
            }
            else
            {
                engine ??= plain;
            }
        }

        return (new MeasuredSystem(engine, model, hardware, cards, null), prompt, output);
    }

    private static int[]? ReadHeader(TableRow row, string file, List<Diagnostic> diagnostics)
    {
        var columns = new int[Columns.Count];
        for (var c = 0; c < Columns.Count; c++)
        {
            columns[c] = row.Cells.ToList().FindIndex(cell => string.Equals(cell.Text, Columns[c].Header, StringComparison.OrdinalIgnoreCase));
            if (columns[c] < 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredMissingField, $"the header row has no '{Columns[c].Header}' column; expected: Benchmark, {string.Join(", ", Columns.Select(x => x.Header))}", new SourceLocation(file, row.Line, 1)));
                return null;
            }
        }

        return columns;
    }

    private MeasuredRun? ReadRow(TableRow row, IReadOnlyList<int> columnOf, string file, MeasuredSystem system, double? prompt, double? output, List<Diagnostic> diagnostics)
    {
        var at = new SourceLocation(file, row.Line, row.Cells[0].Column);
        if (row.Cells.Count != columnOf.Count + 1)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredSyntax, string.Create(CultureInfo.InvariantCulture, $"this row has {row.Cells.Count} cells, the header {columnOf.Count + 1}"), at));
            return null;
        }

        if (ReadWorkload(row.Cells[0].Text, prompt, output) is not { } workload)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredInvalidValue, $"unknown benchmark '{row.Cells[0].Text}'; expected synchronous, throughput or asynchronous@RATE req/sec", at));
            return null;
        }

        var values = new List<MeasuredMetric>();
        for (var c = 0; c < Columns.Count; c++)
        {
            var (text, column) = row.Cells[columnOf[c]];
            var canonical = MeasuredMetricKinds.Of(Columns[c].Kind).Unit;
            if (!QuantityCell.TryParse(text, out var value, out var unit) || MeasuredUnits.Scale(unit, canonical) is not { } scale)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredInvalidValue, $"'{text}' in column '{Columns[c].Header}' is not a number with a unit convertible to {canonical} ({MeasuredUnits.Spellings(canonical)})", new SourceLocation(file, row.Line, column)));
                return null;
            }

            values.Add(new MeasuredMetric(Columns[c].Kind, "mean", value * scale, Columns[c].Definition));
        }

        return new MeasuredRun(at, Id, row.Cells[0].Text, system, workload, values, values.All(v => v.ValueInCanonicalUnit == 0));
    }

    private static MeasuredWorkload? ReadWorkload(string label, double? prompt, double? output)
    {
        if (label == "synchronous")
        {
            return new MeasuredWorkload(LoadMode.Synchronous, null, 1, prompt, output);
        }

        if (label == "throughput")
        {
            return new MeasuredWorkload(LoadMode.Throughput, null, null, prompt, output);
        }

        // The Markdown table does not name the strategy; "asynchronous@r" rows come from GuideLLM's sweep, whose rate
        // strategies are "constant" unless --rate-type poisson was given (SweepProfile.strategy_type default).
        return Rate().Match(label) is { Success: true } m
            ? new MeasuredWorkload(LoadMode.Asynchronous, double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), null, prompt, output) { Arrivals = ArrivalProcess.Constant }
            : null;
    }

    [GeneratedRegex(@"^\s*[-*]\s+(.*\S)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(\d+)\s*(?:张|x|×)\s*(.+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Cards();

    [GeneratedRegex(@"^asynchronous@(\d+(?:\.\d+)?)\s*(?:req/sec|req/s)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rate();
}
