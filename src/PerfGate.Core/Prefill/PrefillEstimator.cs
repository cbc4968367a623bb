using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Quantities;

namespace PerfGate.Prefill;

/// <summary>
/// Time to first token: the prefill of the prompts (<see cref="PrefillStepTimer"/>, step by step as the scheduler
/// forms them), with and without a prefix hit served from a storage tier. Pure; see the folder README for the
/// formulas and their sources.
/// </summary>
public static partial class PrefillEstimator
{
    /// <summary>Validates (see <see cref="Validate"/> for <paramref name="locate"/> and <paramref name="spell"/>) and estimates.</summary>
    public static PrefillOutcome Estimate(PrefillRequest request, Func<string, SourceLocation>? locate = null, Func<string, string>? spell = null) =>
        Estimate(request, locate, spell, timer: null, operators: true);

    /// <summary>
    /// <see cref="Estimate(PrefillRequest, Func{string, SourceLocation}?, Func{string, string}?)"/> for callers that estimate
    /// many requests of one deployment (internal): <paramref name="timer"/>, built for the request's deployment, keeps the
    /// step times across them (null: one for this request); without <paramref name="operators"/> the breakdown
    /// (<see cref="PrefillEstimate.Operators"/>, <see cref="PrefillEstimate.FlopsPerCard"/>) is left empty and every
    /// other figure is the same.
    /// </summary>
    internal static PrefillOutcome Estimate(PrefillRequest request, Func<string, SourceLocation>? locate, Func<string, string>? spell, PrefillStepTimer? timer, bool operators)
    {
        ArgumentNullException.ThrowIfNull(request);
        var diagnostics = Validate(request, locate, spell);
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return new PrefillOutcome(null, diagnostics);
        }

        return new PrefillOutcome(Compute(request, timer ?? new PrefillStepTimer(request.Deployment), operators), diagnostics);
    }

    private static PrefillEstimate Compute(PrefillRequest r, PrefillStepTimer timer, bool withOperators)
    {
        var d = r.Deployment;
        var g = timer.Geometry;
        var layers = g.Layers;
        var perRank = RequestsPerRank(r.Concurrency, d.Parallelism.Dp);

        // One request alone, whole prompt: the operator breakdown and the synchronous TTFT (the same step times with
        // or without the breakdown).
        var totals = withOperators ? new PrefillOperatorTotals() : null;
        var single = Alone(r, timer, r.Prompt, 0, totals, out var steps);
        var operators = totals?.ToList() ?? [];
        var flops = operators.Sum(o => o.Kind is OperatorKind.Gemm or OperatorKind.ExpertGemm or OperatorKind.Attention ? o.Flops : 0);

        var (mean, max) = Queue(r, timer, perRank, r.Prompt, 0, 0, layers);
        var kvPerToken = layers * g.KvElementsPerTokenPerLayer * g.KvBytes;

        PrefillCacheFigures? cached = null;
        var cachedTokens = CachedTokens(r);
        if (r.PrefixHit > 0 && r.Tier is { } tier)
        {
            var newTokens = r.Prompt - cachedTokens;
            var bytesPerCard = cachedTokens * kvPerToken;
            // Ranks whose KV differs: the MLA latent is the same on every TP rank and GQA heads repeat once TP
            // exceeds them, so a shared device serves only the distinct copies (LMCache keeps one MLA copy; a local
            // store's page cache serves the repeats); per-card links still move every rank's bytes in parallel.
            var distinct = g.Mla is not null ? 1 : Math.Min(d.Parallelism.Tp, d.Model.KeyValueHeads);
            var transfer = tier.Family.TransferSeconds(tier, bytesPerCard, distinct);
            var load = transfer + tier.Latency.Seconds;
            var compute = Alone(r, timer, newTokens, cachedTokens, null, out _);
            var alone = r.Overlap == KvLoadOverlap.Serial ? load + compute : Math.Max(load, compute) + (load / layers);
            var (cMean, cMax) = Queue(r, timer, perRank, newTokens, cachedTokens, load, layers);

            // Serial break-even: transfer at the break-even rate = the compute the hit saves, less the tier's latency.
            var unitTier = tier with { Bandwidth = new BytesPerSecond(1), Efficiency = 1 };
            var secondsAtUnitRate = tier.Family.TransferSeconds(unitTier, bytesPerCard, distinct);
            var saved = single - compute - tier.Latency.Seconds;
            var breakEven = secondsAtUnitRate <= 0 ? 0 : saved > 0 ? secondsAtUnitRate / saved : double.PositiveInfinity;
            cached = new PrefillCacheFigures
            {
                CachedTokens = cachedTokens,
                LoadBytesPerCard = bytesPerCard,
                Load = Duration.FromSeconds(load),
                Compute = Duration.FromSeconds(compute),
                Single = Duration.FromSeconds(alone),
                Ttft = Duration.FromSeconds(cMean),
                MaxTtft = Duration.FromSeconds(cMax),
                BreakEvenBandwidth = new BytesPerSecond(breakEven),
            };
        }

        Duration? itl = null, latency = null;
        if (r.OutputTokens > 0)
        {
            // The step time alone: the decode estimate without the does-not-fit check (its operator list is never read, so never built).
            var request = d with { Batch = 1, Context = r.Prompt + (r.OutputTokens / 2), Mtp = 0 };
            if (!DecodeEstimator.Validate(request).Any(x => x.Severity == Severity.Error) && DecodeEstimator.Compute(request, eagerOperators: false) is { } e)
            {
                itl = e.StepTime;
                latency = Duration.FromSeconds(single + (e.StepTime.Seconds * (r.OutputTokens - 1)));
            }
        }

        return new PrefillEstimate
        {
            Request = r,
            Single = Duration.FromSeconds(single),
            Ttft = Duration.FromSeconds(mean),
            MaxTtft = Duration.FromSeconds(max),
            Steps = steps,
            Operators = operators,
            FlopsPerCard = flops,
            KvBytesPerTokenPerCard = kvPerToken,
            Cached = cached,
            Itl = itl,
            RequestLatency = latency,
        };
    }

    /// <summary>Cached tokens: floor(h S), but the prompt's last token is always computed (its logits are the first token).</summary>
    internal static int CachedTokens(PrefillRequest r) => Math.Min(r.CachedTokens, r.Prompt - 1);

    private static double Alone(PrefillRequest r, PrefillStepTimer timer, int newTokens, int prefix, PrefillOperatorTotals? totals, out int steps)
    {
        // One prompt alone recurs for every concurrency of a sweep: the timer keeps its schedule (not when the breakdown
        // is wanted, which walks every step).
        if (totals is null)
        {
            var key = (newTokens, prefix, r.Chunk, r.TokenBudget);
            if (!timer.Alone.TryGetValue(key, out var known))
            {
                known = (Schedule(r, timer, newTokens, prefix, null, out var count), count);
                timer.Alone[key] = known;
            }

            steps = known.Steps;
            return known.Seconds;
        }

        return Schedule(r, timer, newTokens, prefix, totals, out steps);
    }

    /// <summary>The schedule of one prompt alone: its TTFT, its steps, and the breakdown into <paramref name="totals"/> when given.</summary>
    private static double Schedule(PrefillRequest r, PrefillStepTimer timer, int newTokens, int prefix, PrefillOperatorTotals? totals, out int steps)
    {
        var count = 0;
        var finish = PrefillScheduler.Run(1, newTokens, prefix, r.Chunk, r.TokenBudget, 0, r.Overlap, timer.Geometry.Layers, segments =>
        {
            count++;
            return timer.Time(segments, totals);
        });
        steps = count;
        return finish[0];
    }

    /// <summary>Mean and worst TTFT over all requests, each DP rank scheduling its share.</summary>
    private static (double Mean, double Max) Queue(PrefillRequest r, PrefillStepTimer timer, IReadOnlyList<(int Requests, int Ranks)> perRank, int newTokens, int prefix, double load, int layers)
    {
        double sum = 0, max = 0;
        var n = 0;
        foreach (var (requests, ranks) in perRank)
        {
            var finish = PrefillScheduler.Run(requests, newTokens, prefix, r.Chunk, r.TokenBudget, load, r.Overlap, layers, s => timer.Time(s));
            foreach (var f in finish)
            {
                sum += f * ranks;
                n += ranks;
                max = Math.Max(max, f);
            }
        }

        return (sum / n, max);
    }

    /// <summary>c requests over DP ranks: c mod DP ranks take one more.</summary>
    private static List<(int Requests, int Ranks)> RequestsPerRank(int concurrency, int dp)
    {
        var list = new List<(int, int)>();
        var low = concurrency / dp;
        var extra = concurrency % dp;
        if (extra > 0)
        {
            list.Add((low + 1, extra));
        }

        if (low > 0)
        {
            list.Add((low, dp - extra));
        }

        return list;
    }
}
