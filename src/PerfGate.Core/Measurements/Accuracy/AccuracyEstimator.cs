using PerfGate.Estimation;
using PerfGate.Quantities;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// Estimates every measured run of a scenario at the run's own load (<see cref="ServingLoadModel"/>) with the
/// scenario's decode request, batch and context replaced (a rate run at the rate it sustained, see <see cref="Sustained"/>): the context is the run's prompt plus half its output (the
/// mean context over a request's decode), the batch the steady-state batch. Compared metric by metric:
/// <list type="bullet">
/// <item>ITL (mean): the decode step time at the estimated batch, every row.</item>
/// <item>Output tokens/s: B / t(B), where the load fixes the batch (synchronous, concurrency, throughput); under a
/// rate below saturation the server's output rate is the offered λ · N_out by construction and says nothing.</item>
/// <item>TTFT: not estimated here; it needs the prefill estimate (issue 10).</item>
/// </list>
/// Failed runs are left out.
/// </summary>
public static class AccuracyEstimator
{
    /// <summary>vLLM's default scheduler limit (max_num_seqs = 256, vllm/config.py SchedulerConfig).</summary>
    public const int EngineMaxSequences = 256;

    public static AccuracyResult Estimate(string scenario, DecodeRequest request, IReadOnlyList<MeasuredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(runs);
        var rows = new List<AccuracyRow>();
        var notes = new List<string>();
        foreach (var run in runs)
        {
            if (run.Failed)
            {
                notes.Add($"{Where(run)} {run.Label}: failed run, left out");
                continue;
            }

            var output = run.Workload.OutputTokens ?? request.Context;
            var context = (int)Math.Round((run.Workload.PromptTokens ?? 0) + (output / 2));
            var atContext = request with { Context = Math.Max(1, context) };
            var cache = new Dictionary<int, DecodeEstimate?>();
            DecodeEstimate? At(int b)
            {
                if (!cache.TryGetValue(b, out var e))
                {
                    cache[b] = e = DecodeEstimator.Estimate(atContext with { Batch = b }).Estimate;
                }

                return e;
            }

            if (At(1) is not { } single || single.Memory.MaxBatch < 1)
            {
                notes.Add($"{Where(run)} {run.Label}: the model does not fit at this context, nothing to estimate");
                continue;
            }

            var maxBatch = Math.Min(single.Memory.MaxBatch, EngineMaxSequences);
            var point = ServingLoadModel.At(Sustained(run), output, maxBatch, b => At(b)?.StepTime ?? Duration.FromSeconds(double.PositiveInfinity));
            if (run.Central(MeasuredMetricKind.InterTokenLatency) is { } itl && itl.ValueInCanonicalUnit > 0)
            {
                rows.Add(new AccuracyRow(run, itl.Key, itl.Info.Unit, itl.ValueInCanonicalUnit, point.StepTime.Milliseconds, point));
            }

            if (run.Workload.Mode != LoadMode.Asynchronous && run.Central(MeasuredMetricKind.OutputTokensPerSecond) is { } otps && otps.ValueInCanonicalUnit > 0)
            {
                rows.Add(new AccuracyRow(run, otps.Key, otps.Info.Unit, otps.ValueInCanonicalUnit, point.OutputTokensPerSecond, point));
            }
        }

        return new AccuracyResult(scenario, rows, notes);
    }

    /// <summary>
    /// The load the server actually carried: for a rate run, the measured request rate when the report has one (seed 001's
    /// offered rates are not always what was achieved: "asynchronous@0.92 req/sec" sustained 2.38 req/s), else the offered one.
    /// </summary>
    private static MeasuredWorkload Sustained(MeasuredRun run) =>
        run.Workload.Mode == LoadMode.Asynchronous && run.Central(MeasuredMetricKind.RequestsPerSecond) is { ValueInCanonicalUnit: > 0 } rps
            ? run.Workload with { RequestRatePerSecond = rps.ValueInCanonicalUnit }
            : run.Workload;

    private static string Where(MeasuredRun run) => FormattableString.Invariant($"{run.Source.File}({run.Source.Line})");
}
