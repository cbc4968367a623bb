using PerfGate.Diagnostics;

namespace PerfGate.Measurements.Formats;

/// <summary>
/// <c>python -m sglang.bench_serving --output-file x.jsonl</c>: one JSON object per line, appended per run, written by
/// Python's json.dumps (so <c>"request_rate": Infinity</c>). Keys: request_throughput, output_throughput,
/// mean/median/std/p&lt;P&gt;_{e2e_latency,ttft,tpot,itl}_ms; newer builds and forks add keys, which are ignored.
/// </summary>
public sealed class SglangJsonlFormat : IMeasuredFormat
{
    public string Id => "sglang-jsonl";

    public string Description => "SGLang bench_serving --output-file JSONL";

    public bool Recognises(MeasuredInput input) =>
        input.Text.TrimStart().StartsWith('{') && input.Text.Contains("\"mean_e2e_latency_ms\"", StringComparison.Ordinal);

    public MeasuredParseResult Parse(MeasuredInput input)
    {
        var runs = new List<MeasuredRun>();
        var diagnostics = new List<Diagnostic>();
        var lines = input.Text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0)
            {
                continue;
            }

            // Each line is parsed on its own; the diagnostics are moved to the line in the file.
            var json = MeasuredJson.Parse(lines[i], input.File, "each line of an SGLang JSONL is a JSON object", out var syntax);
            if (json is null)
            {
                diagnostics.Add(syntax! with { Location = syntax.Location with { Line = i + 1 } });
                continue;
            }

            if (ReadLine(json, input.File, i + 1, diagnostics) is { } run)
            {
                runs.Add(run);
            }
        }

        return new MeasuredParseResult(runs, diagnostics);
    }

    private MeasuredRun? ReadLine(MeasuredJson json, string file, int line, List<Diagnostic> diagnostics)
    {
        var root = json.Root;
        var at = new SourceLocation(file, line, root.Location.Column);
        if (!root.IsObject || json.Number(root["request_throughput"]) is not { } rps)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MeasuredMissingField, "no 'request_throughput' number: each line of an SGLang bench_serving JSONL is one run's summary object", at));
            return null;
        }

        var completed = json.Number(root["completed"]);
        var rate = json.Number(root["request_rate"]);
        var concurrency = json.Number(root["max_concurrency"]);
        var mode = FlatSummary.Mode(rate, concurrency);
        var random = string.Equals(root["dataset_name"]?.Text, "random", StringComparison.Ordinal);
        var workload = new MeasuredWorkload(
            mode,
            mode == LoadMode.Asynchronous ? rate : null,
            mode == LoadMode.Concurrency ? (int?)concurrency : null,
            (random ? json.Number(root["random_input_len"]) : null) ?? VllmJsonFormat.PerRequest(json.Number(root["total_input_tokens"]), completed),
            (random ? json.Number(root["random_output_len"]) : null) ?? VllmJsonFormat.PerRequest(json.Number(root["total_output_tokens"]), completed))
        {
            // bench_serving spaces requests by np.random.exponential(1 / request_rate).
            Arrivals = mode == LoadMode.Asynchronous ? ArrivalProcess.Poisson : null,
        };
        var values = new List<MeasuredMetric> { new(MeasuredMetricKind.RequestsPerSecond, "mean", rps, VllmJsonFormat.Rps) };
        if (json.Number(root["output_throughput"]) is { } otps)
        {
            values.Add(new(MeasuredMetricKind.OutputTokensPerSecond, "mean", otps, VllmJsonFormat.Otps));
        }

        FlatSummary.Read(json, root, "ttft", MeasuredMetricKind.TimeToFirstToken, 1, VllmJsonFormat.Ttft, values);
        FlatSummary.Read(json, root, "tpot", MeasuredMetricKind.TimePerOutputToken, 1, VllmJsonFormat.Tpot, values);
        FlatSummary.Read(json, root, "itl", MeasuredMetricKind.InterTokenLatency, 1, VllmJsonFormat.Itl, values);
        FlatSummary.Read(json, root, "e2e_latency", MeasuredMetricKind.RequestLatency, 1e-3, VllmJsonFormat.E2e, values);
        var system = new MeasuredSystem(EngineNames.FromBackend(root["backend"]?.Text), root["model_id"]?.Text ?? root["model"]?.Text, null, null, null);
        return new MeasuredRun(at, Id, workload.Label, system, workload, values, completed == 0);
    }
}
