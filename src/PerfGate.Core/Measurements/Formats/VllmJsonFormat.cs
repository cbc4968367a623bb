using PerfGate.Diagnostics;

namespace PerfGate.Measurements.Formats;

/// <summary>
/// <c>vllm bench serve --save-result</c> (and the legacy benchmarks/benchmark_serving.py): one JSON object with
/// <c>request_throughput</c>, <c>output_throughput</c> and <c>mean/median/std/p&lt;P&gt;_{ttft,tpot,itl,e2el}_ms</c>
/// (e2el only when requested). <c>request_rate</c> is the string "inf" when unlimited.
/// </summary>
public sealed class VllmJsonFormat : IMeasuredFormat
{
    internal const string Ttft = "vLLM/SGLang: client-side, request sent to first streamed token";
    internal const string Tpot = "vLLM/SGLang: per request (E2E latency - TTFT) / (output tokens - 1), then aggregated over requests";
    internal const string Itl = "vLLM/SGLang: every gap between streamed chunks, pooled over all requests";
    internal const string E2e = "vLLM/SGLang: request sent to last token";
    internal const string Rps = "vLLM/SGLang: completed requests / benchmark duration";
    internal const string Otps = "vLLM/SGLang: output tokens / benchmark duration";

    public string Id => "vllm-json";

    public string Description => "vLLM bench serve --save-result JSON";

    public bool Recognises(MeasuredInput input) =>
        input.Text.TrimStart().StartsWith('{') && input.Text.Contains("\"mean_ttft_ms\"", StringComparison.Ordinal)
        && !input.Text.Contains("\"mean_e2e_latency_ms\"", StringComparison.Ordinal);

    public MeasuredParseResult Parse(MeasuredInput input)
    {
        var json = MeasuredJson.Parse(input.Text, input.File, "vLLM writes one JSON object with request_throughput and mean_ttft_ms", out var syntax);
        if (json is null)
        {
            return MeasuredParseResult.Fail(syntax!);
        }

        var root = json.Root;
        if (!root.IsObject || json.Number(root["request_throughput"]) is null)
        {
            return MeasuredParseResult.Fail(Diagnostic.Error(DiagnosticIds.MeasuredMissingField, "no 'request_throughput' number: a vllm bench serve result is one JSON object with request_throughput, output_throughput and mean_ttft_ms", root.Location));
        }

        var completed = json.Number(root["completed"]);
        var rate = json.Number(root["request_rate"]);
        var concurrency = json.Number(root["max_concurrency"]);
        var mode = FlatSummary.Mode(rate, concurrency);
        var workload = new MeasuredWorkload(
            mode,
            mode == LoadMode.Asynchronous ? rate : null,
            mode == LoadMode.Concurrency ? (int?)concurrency : null,
            PerRequest(json.Number(root["total_input_tokens"]), completed),
            PerRequest(json.Number(root["total_output_tokens"]), completed))
        {
            // vllm bench serve draws gamma-distributed gaps of shape 'burstiness' (default 1: Poisson).
            Arrivals = mode == LoadMode.Asynchronous && json.Number(root["burstiness"]) is null or 1 ? ArrivalProcess.Poisson : null,
        };
        var values = new List<MeasuredMetric>
        {
            new(MeasuredMetricKind.RequestsPerSecond, "mean", json.Number(root["request_throughput"])!.Value, Rps),
        };
        if (json.Number(root["output_throughput"]) is { } otps)
        {
            values.Add(new(MeasuredMetricKind.OutputTokensPerSecond, "mean", otps, Otps));
        }

        FlatSummary.Read(json, root, "ttft", MeasuredMetricKind.TimeToFirstToken, 1, Ttft, values);
        FlatSummary.Read(json, root, "tpot", MeasuredMetricKind.TimePerOutputToken, 1, Tpot, values);
        FlatSummary.Read(json, root, "itl", MeasuredMetricKind.InterTokenLatency, 1, Itl, values);
        FlatSummary.Read(json, root, "e2el", MeasuredMetricKind.RequestLatency, 1e-3, E2e, values);
        var system = new MeasuredSystem(EngineNames.FromBackend(root["backend"]?.Text), root["model_id"]?.Text, null, null, null);
        var run = new MeasuredRun(root.Location, Id, workload.Label, system, workload, values, completed == 0);
        return new MeasuredParseResult([run], []);
    }

    internal static double? PerRequest(double? total, double? completed) =>
        total is { } t && completed is { } c && c > 0 ? t / c : null;
}
