using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Syntax;

namespace PerfGate.Measurements.Formats;

/// <summary>
/// GuideLLM's <c>--output kind=json</c> (benchmarks.json): <c>benchmarks[]</c>, each with <c>config.strategy</c> and
/// <c>metrics.&lt;name&gt;.successful</c> distribution summaries (mean, median, std_dev, min, max, percentiles p001..p999).
/// <c>request_latency</c> is in seconds, <c>*_ms</c> in milliseconds (schemas/request_stats.py). Older versions keep the
/// strategy under <c>args</c> or at the benchmark's top level; both are accepted.
/// </summary>
public sealed class GuideLlmJsonFormat : IMeasuredFormat
{
    private static readonly IReadOnlyList<(string Name, MeasuredMetricKind Kind, double ToCanonical, string Definition)> MetricMap =
    [
        ("requests_per_second", MeasuredMetricKind.RequestsPerSecond, 1, "GuideLLM: completed requests per second over the benchmark"),
        ("request_latency", MeasuredMetricKind.RequestLatency, 1, "GuideLLM: request start to last token, per successful request (seconds)"),
        ("time_to_first_token_ms", MeasuredMetricKind.TimeToFirstToken, 1, "GuideLLM: request start to first token, per successful request"),
        ("inter_token_latency_ms", MeasuredMetricKind.InterTokenLatency, 1, "GuideLLM: per-request mean gap between output tokens after the first ((last - first token) / (output tokens - 1))"),
        ("time_per_output_token_ms", MeasuredMetricKind.TimePerOutputToken, 1, "GuideLLM: (last token - request start) / output tokens: includes the first token"),
        ("output_tokens_per_second", MeasuredMetricKind.OutputTokensPerSecond, 1, "GuideLLM: output tokens per second over the benchmark"),
    ];

    // GuideLLM's strategy types, the load each offers and how a rate strategy spaces its requests ("async" is
    // GuideLLM's alias of "constant").
    private static readonly IReadOnlyList<(string Key, LoadMode Value, ArrivalProcess? Arrivals)> Strategies =
    [
        ("synchronous", LoadMode.Synchronous, null),
        ("throughput", LoadMode.Throughput, null),
        ("concurrent", LoadMode.Concurrency, null),
        ("constant", LoadMode.Asynchronous, ArrivalProcess.Constant),
        ("poisson", LoadMode.Asynchronous, ArrivalProcess.Poisson),
        ("async", LoadMode.Asynchronous, ArrivalProcess.Constant),
    ];

    public string Id => "guidellm-json";

    public string Description => "GuideLLM --output kind=json (benchmarks.json)";

    public bool Recognises(MeasuredInput input) =>
        input.Text.TrimStart().StartsWith('{') && input.Text.Contains("\"benchmarks\"", StringComparison.Ordinal)
        && (input.Text.Contains("generative_benchmark", StringComparison.Ordinal) || input.Text.Contains("time_to_first_token_ms", StringComparison.Ordinal));

    public MeasuredParseResult Parse(MeasuredInput input)
    {
        var json = MeasuredJson.Parse(input.Text, input.File, "GuideLLM writes a JSON object with a 'benchmarks' list", out var syntax);
        if (json is null)
        {
            return MeasuredParseResult.Fail(syntax!);
        }

        var root = json.Root;
        if (root["benchmarks"] is not { Kind: JsonTokenType.StartArray } list)
        {
            return MeasuredParseResult.Fail(Diagnostic.Error(DiagnosticIds.MeasuredMissingField, "no 'benchmarks' list: a GuideLLM JSON report has \"benchmarks\": [ ... ] at the top level", root.Location));
        }

        var model = root["config"]?["model"]?.Text ?? root["args"]?["model"]?.Text;
        var runs = new List<MeasuredRun>();
        var diagnostics = new List<Diagnostic>();
        foreach (var benchmark in list.Items!)
        {
            if (ReadBenchmark(json, benchmark, input.File, model, diagnostics) is { } run)
            {
                runs.Add(run);
            }
        }

        return new MeasuredParseResult(runs, diagnostics);
    }

    private static MeasuredRun? ReadBenchmark(MeasuredJson json, LocatedJson benchmark, string file, string? model, List<Diagnostic> diagnostics)
    {
        var strategy = benchmark["config"]?["strategy"] ?? benchmark["args"]?["strategy"] ?? benchmark["strategy"];
        var type = strategy?["type_"]?.Text ?? strategy?["type"]?.Text;
        if (type is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredMissingField, "this benchmark has no strategy type: expected config.strategy.type_ (synchronous, concurrent, throughput, constant, poisson)", benchmark.Location));
            return null;
        }

        var mode = Strategies.FirstOrDefault(s => string.Equals(s.Key, type, StringComparison.Ordinal));
        if (mode.Key is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredInvalidValue, $"unknown GuideLLM strategy '{type}'; expected one of {string.Join(", ", Strategies.Select(s => s.Key))}", strategy!["type_"]?.Location ?? strategy["type"]!.Location));
            return null;
        }

        var metrics = benchmark["metrics"];
        if (metrics is not { IsObject: true })
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredMissingField, "this benchmark has no 'metrics' object", benchmark.Location));
            return null;
        }

        var rate = json.Number(strategy!["rate"]);
        var streams = json.Number(strategy["streams"]);
        var workload = new MeasuredWorkload(
            mode.Value,
            mode.Value == LoadMode.Asynchronous ? rate : null,
            mode.Value == LoadMode.Concurrency && streams is { } s ? (int)s : null,
            json.Number(Summary(metrics["prompt_token_count"])?["mean"]),
            json.Number(Summary(metrics["output_token_count"])?["mean"]))
        {
            Arrivals = mode.Arrivals,
        };
        var values = new List<MeasuredMetric>();
        foreach (var (name, kind, scale, definition) in MetricMap)
        {
            if (Summary(metrics[name]) is { IsObject: true } summary)
            {
                Add(json, summary, kind, scale, definition, values);
            }
        }

        var successful = json.Number(metrics["request_totals"]?["successful"]);
        var failed = successful == 0 || values.Count == 0 || values.All(v => v.ValueInCanonicalUnit == 0);
        var system = new MeasuredSystem(null, model, null, null, null);
        return new MeasuredRun(benchmark.Location, "guidellm-json", workload.Label, system, workload, values, failed);
    }

    /// <summary>The successful requests' summary; throughput figures are reported over all requests ('total').</summary>
    private static LocatedJson? Summary(LocatedJson? metric) =>
        metric?["successful"] is { IsObject: true } ok ? ok : metric?["total"] is { IsObject: true } total ? total : null;

    private static void Add(MeasuredJson json, LocatedJson summary, MeasuredMetricKind kind, double scale, string definition, List<MeasuredMetric> values)
    {
        foreach (var (key, statistic) in new[] { ("mean", "mean"), ("median", "median"), ("std_dev", "std"), ("min", "min"), ("max", "max") })
        {
            if (json.Number(summary[key]) is { } v)
            {
                values.Add(new MeasuredMetric(kind, statistic, v * scale, definition));
            }
        }

        foreach (var (key, node) in summary["percentiles"]?.Properties ?? [])
        {
            if (Percentiles.FromGuideLlmKey(key) is { } statistic && json.Number(node) is { } v)
            {
                values.Add(new MeasuredMetric(kind, statistic, v * scale, definition));
            }
        }
    }
}
