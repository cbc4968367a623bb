using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Syntax;

namespace PerfGate.Measurements.Formats;

/// <summary>
/// NVIDIA AIPerf's <c>profile_export_aiperf.json</c> (which mimics genai-perf's <c>profile_export_genai_perf.json</c>):
/// each metric is an object with <c>unit</c> and any of avg, p1..p99, min, max, std. The unit is read per metric and
/// converted (ms, s/sec, us, ns). AIPerf's inter_token_latency is per request: (request latency - TTFT) / (output tokens - 1).
/// </summary>
public sealed class AiperfJsonFormat : IMeasuredFormat
{
    private static readonly IReadOnlyList<(string Name, MeasuredMetricKind Kind, string Definition)> MetricMap =
    [
        ("request_throughput", MeasuredMetricKind.RequestsPerSecond, "AIPerf: completed requests / benchmark duration"),
        ("request_latency", MeasuredMetricKind.RequestLatency, "AIPerf: request sent to last response, per request"),
        ("time_to_first_token", MeasuredMetricKind.TimeToFirstToken, "AIPerf: request sent to first token, per request"),
        ("inter_token_latency", MeasuredMetricKind.InterTokenLatency, "AIPerf: per request (request latency - TTFT) / (output tokens - 1)"),
        ("output_token_throughput", MeasuredMetricKind.OutputTokensPerSecond, "AIPerf: output tokens / benchmark duration"),
        ("output_token_throughput_per_user", MeasuredMetricKind.OutputTokensPerSecondPerUser, "AIPerf: per request output tokens / (request latency - TTFT)"),
    ];

    private static readonly IReadOnlyList<string> Statistics = ["avg", "min", "max", "std", "p1", "p5", "p10", "p25", "p50", "p75", "p90", "p95", "p99"];

    public string Id => "aiperf-json";

    public string Description => "AIPerf / genai-perf profile_export JSON";

    public bool Recognises(MeasuredInput input) =>
        input.Text.TrimStart().StartsWith('{') && input.Text.Contains("\"time_to_first_token\"", StringComparison.Ordinal)
        && input.Text.Contains("\"unit\"", StringComparison.Ordinal);

    public MeasuredParseResult Parse(MeasuredInput input)
    {
        var json = MeasuredJson.Parse(input.Text, input.File, "AIPerf writes one JSON object of metrics, each with a unit", out var syntax);
        if (json is null)
        {
            return MeasuredParseResult.Fail(syntax!);
        }

        var root = json.Root;
        var diagnostics = new List<Diagnostic>();
        var values = new List<MeasuredMetric>();
        foreach (var (name, kind, definition) in MetricMap)
        {
            if (root[name] is { IsObject: true } metric)
            {
                Read(json, metric, name, kind, definition, values, diagnostics);
            }
        }

        if (values.Count == 0 && diagnostics.Count == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredMissingField, "no metric objects: an AIPerf profile export has e.g. \"request_throughput\": {\"unit\": \"requests/sec\", \"avg\": ...}", root.Location));
        }

        if (diagnostics.Count > 0)
        {
            return new MeasuredParseResult([], diagnostics);
        }

        var config = root["input_config"];
        var rate = Find(json, config, "request_rate");
        var concurrency = Find(json, config, "concurrency");
        var mode = rate is { } r && !double.IsInfinity(r) ? LoadMode.Asynchronous : LoadMode.Concurrency;
        var workload = new MeasuredWorkload(
            mode,
            mode == LoadMode.Asynchronous ? rate : null,
            mode == LoadMode.Concurrency ? (int?)concurrency : null,
            json.Number(root["input_sequence_length"]?["avg"]),
            json.Number(root["output_sequence_length"]?["avg"]));
        var model = FindText(config, "model_names") ?? FindText(config, "model");
        var count = json.Number(root["request_count"]?["avg"]);
        var run = new MeasuredRun(root.Location, Id, workload.Label, new MeasuredSystem(null, model, null, null, null), workload, values, count == 0);
        return new MeasuredParseResult([run], []);
    }

    private static void Read(MeasuredJson json, LocatedJson metric, string name, MeasuredMetricKind kind, string definition, List<MeasuredMetric> values, List<Diagnostic> diagnostics)
    {
        var canonical = MeasuredMetricKinds.Of(kind).Unit;
        var unit = metric["unit"]?.Text;
        var scale = MeasuredUnits.Scale(unit, canonical);
        if (scale is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredInvalidValue, $"'{name}' has unit '{unit ?? "(none)"}', which PerfGate cannot convert to {canonical}; expected one of {MeasuredUnits.Spellings(canonical)}", metric["unit"]?.Location ?? metric.Location));
            return;
        }

        foreach (var statistic in Statistics)
        {
            if (json.Number(metric[statistic]) is { } v)
            {
                values.Add(new MeasuredMetric(kind, statistic == "avg" ? "mean" : statistic, v * scale.Value, definition));
            }
        }
    }

    /// <summary>The first number under <paramref name="key"/> anywhere in the user's input_config (its nesting differs between versions).</summary>
    private static double? Find(MeasuredJson json, LocatedJson? node, string key)
    {
        if (node?.Properties is null)
        {
            return null;
        }

        foreach (var (k, v) in node.Properties)
        {
            if (string.Equals(k, key, StringComparison.Ordinal) && json.Number(v) is { } n)
            {
                return n;
            }

            if (v.IsObject && Find(json, v, key) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }

    private static string? FindText(LocatedJson? node, string key)
    {
        if (node?.Properties is null)
        {
            return null;
        }

        foreach (var (k, v) in node.Properties)
        {
            if (string.Equals(k, key, StringComparison.Ordinal))
            {
                return v.Kind == JsonTokenType.String ? v.Text : v.Items?.FirstOrDefault(i => i.Kind == JsonTokenType.String)?.Text;
            }

            if (v.IsObject && FindText(v, key) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
