using PerfGate.Estimation;
using PerfGate.Prefill;
using PerfGate.Quantities;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// Estimates every measured run of a scenario at the run's own load (<see cref="ServingLoadModel"/>) with the
/// scenario's decode request, batch and context replaced (a rate run at the rate it sustained, see <see cref="Sustained"/>): the context is the run's prompt plus half its output (the
/// mean context over a request's decode), the batch the steady-state batch, and the prefill time T_p of one prompt
/// of the run's length alone (<see cref="PrefillEstimator"/>: its <c>Single</c>, plus the engine's host overhead
/// once per prefill step). Compared metric by metric:
/// <list type="bullet">
/// <item>ITL (mean): the decode step at the estimated batch, stretched by the prefills between steps, every row.</item>
/// <item>TTFT (mean): the prefill plus the wait for the step in progress (and, for Poisson arrivals, for the
/// prefills ahead); synchronous: the prefill pass plus host overhead.</item>
/// <item>Output tokens/s where the load fixes the batch (synchronous, concurrency, throughput); under a rate below
/// saturation the server's output rate is the offered λ · N_out by construction and says nothing.</item>
/// </list>
/// Failed runs are left out; where the model does not hold the row has no estimate and a note says why.
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
        var host = KernelCostModel.For(request).HostOverheadPerStep.Seconds;
        var prefills = new Dictionary<int, Duration?>();
        var prefillTimer = new PrefillStepTimer(request);

        // Decode step times by (context, batch): the runs of one sweep share their context, and the bisections their batches.
        var decodes = new Dictionary<(int Context, int Batch), DecodeEstimate?>();

        // Every probe differs from the request only in its context and batch, which neither the model's per-card geometry
        // nor the hardware figures read (the configuration search relies on the same): both are derived once. The
        // request is validated once too: a probe's batch (1 to B_max) and context (at least 1) are always in range, and
        // no other rule reads them, so every probe has an error exactly when the first one has.
        var geometry = new ModelGeometry(request);
        var timing = new TimingContext(request);
        bool? valid = null;

        // The step time and memory (the operator list is never read here, so never built); null when the request is invalid.
        DecodeEstimate? StepAt(DecodeRequest probe)
        {
            valid ??= !DecodeEstimator.Validate(probe).Any(d => d.Severity == Diagnostics.Severity.Error);
            return valid.Value ? DecodeEstimator.Compute(probe, geometry, timing, eagerOperators: false) : null;
        }

        foreach (var run in runs)
        {
            if (run.Failed)
            {
                notes.Add($"{Where(run)} {run.Label}: failed run, left out");
                continue;
            }

            if (run.Workload.PromptTokens is not { } promptTokens || promptTokens < 1)
            {
                notes.Add($"{Where(run)} {run.Label}: the report does not give the prompt tokens, so there is no prefill to estimate; left out");
                continue;
            }

            var prompt = (int)Math.Round(promptTokens);
            if (!prefills.TryGetValue(prompt, out var prefill))
            {
                var outcome = PrefillEstimator.Estimate(new PrefillRequest { Deployment = request, Prompt = prompt }, null, null, prefillTimer, operators: false);
                prefills[prompt] = prefill = outcome.Estimate is { } p ? Duration.FromSeconds(p.Single.Seconds + (p.Steps * host)) : null;
            }

            if (prefill is not { } tp)
            {
                notes.Add($"{Where(run)} {run.Label}: no prefill estimate for {prompt}-token prompts on this deployment; left out");
                continue;
            }

            var output = run.Workload.OutputTokens ?? request.Context;
            var context = Math.Max(1, (int)Math.Round(promptTokens + (output / 2)));
            DecodeEstimate? At(int b)
            {
                if (!decodes.TryGetValue((context, b), out var e))
                {
                    decodes[(context, b)] = e = StepAt(request with { Context = context, Batch = b });
                }

                return e;
            }

            if (At(1) is not { } single || single.Memory.MaxBatch < 1)
            {
                notes.Add($"{Where(run)} {run.Label}: the model does not fit at this context, nothing to estimate");
                continue;
            }

            var maxBatch = Math.Min(single.Memory.MaxBatch, EngineMaxSequences);
            var point = ServingLoadModel.At(Sustained(run), output, maxBatch, b => At(b)?.StepTime ?? Duration.FromSeconds(double.PositiveInfinity), tp);
            if (point.Why is { } why)
            {
                notes.Add($"{Where(run)} {run.Label}: {(point.Regime == ServingRegime.DoesNotHold ? "the model does not hold" : "saturated")}: {why}");
            }

            rows.AddRange(RowsAt(run, point));
        }

        return new AccuracyResult(scenario, rows, notes);
    }

    /// <summary>The rows of one run estimated at <paramref name="point"/>: ITL, TTFT and (where the load fixes the batch) output tokens/s, each the run measured.</summary>
    internal static IEnumerable<AccuracyRow> RowsAt(MeasuredRun run, ServingPoint point)
    {
        var rows = new List<AccuracyRow>();
        Add(rows, run, MeasuredMetricKind.InterTokenLatency, point, point.Itl?.Milliseconds);
        Add(rows, run, MeasuredMetricKind.TimeToFirstToken, point, point.Ttft?.Milliseconds);
        if (run.Workload.Mode != LoadMode.Asynchronous)
        {
            Add(rows, run, MeasuredMetricKind.OutputTokensPerSecond, point, point.OutputTokensPerSecond);
        }

        return rows;
    }

    private static void Add(List<AccuracyRow> rows, MeasuredRun run, MeasuredMetricKind kind, ServingPoint point, double? estimate)
    {
        if (run.Central(kind) is { } measured && measured.ValueInCanonicalUnit > 0)
        {
            rows.Add(new AccuracyRow(run, measured.Key, measured.Info.Unit, measured.ValueInCanonicalUnit, estimate, point));
        }
    }

    /// <summary>
    /// The load the server actually carried: for a rate run, the measured request rate when the report has one (seed 001's
    /// offered rates are not always what was achieved: "asynchronous@0.92 req/sec" sustained 2.38 req/s), else the offered one.
    /// </summary>
    internal static MeasuredWorkload Sustained(MeasuredRun run) =>
        run.Workload.Mode == LoadMode.Asynchronous && run.Central(MeasuredMetricKind.RequestsPerSecond) is { ValueInCanonicalUnit: > 0 } rps
            ? run.Workload with { RequestRatePerSecond = rps.ValueInCanonicalUnit }
            : run.Workload;

    private static string Where(MeasuredRun run) => FormattableString.Invariant($"{run.Source.File}({run.Source.Line})");
}
