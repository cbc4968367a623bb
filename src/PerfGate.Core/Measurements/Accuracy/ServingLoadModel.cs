using System.Globalization;
using PerfGate.Quantities;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// Continuous batching at a load point, from the decode step-time curve t(B) (the decode estimator at B sequences)
/// and the prefill time T_p of one prompt alone (the prefill estimator plus the engine's host overhead per step).
/// N is the output tokens per request; the first comes out of the prefill, the other N - 1 out of decode steps.
/// <para>
/// <b>Prefill share.</b> Every request's prompt is computed once, in a step of its own (vLLM V0 and SGLang by
/// default) or spread over mixed steps (chunked prefill); either way it takes about T_p of the server's time, during
/// which the requests decoding make no progress. With prefills arriving at λ per second they take the share
/// ρ = λ · T_p of the time, so a decode step comes every t(B) / (1 - ρ) on average: the inter-token latency
/// ITL = t(B) / (1 - ρ) (work conservation; exact for separate prefill steps, a mean for mixed ones).
/// </para>
/// <list type="bullet">
/// <item><b>Rate λ</b> (open loop). Little's law on the decode phase: B = λ · (N - 1) · ITL(B); the smallest whole B
/// with λ (N - 1) t(B) ≤ (1 - ρ) B (t(B)/B falls as B grows, so the search is monotone). TTFT = T_p + t(B)/2: an
/// arrival waits for the decode step in progress (half a step on average) and its prefill runs next (engines
/// schedule waiting prefills first). Poisson arrivals also queue behind each other's prefills: the non-preemptive
/// priority M/G/1 wait (Cobham 1954) W = R / (1 - ρ) with the mean residual work
/// R = (1 - ρ) t(B)/2 + ρ T_p/2 gives TTFT = T_p + t(B)/2 + ρ T_p / (2 (1 - ρ)). Evenly spaced arrivals (GuideLLM's
/// constant rate) do not meet below saturation. An unknown process is taken as Poisson (the larger wait).
/// The model does not hold when ρ ≥ 1 (the prefills alone need all the time) or when even B_max cannot carry λ:
/// then a queue grows for as long as the benchmark runs and no figure is given (<see cref="ServingRegime.DoesNotHold"/>).</item>
/// <item><b>B clients</b> (closed loop: synchronous B = 1, concurrency C: B = min(C, B_max), throughput: B = B_max).
/// A client's cycle u = TTFT + (N - 1) ITL with TTFT = T_p + w (w = t(B)/2 when others are decoding, 0 alone) and
/// ITL = t(B) / (1 - ρ), where the other B - 1 clients' prefills take ρ = (B - 1) T_p / u. With a = T_p + w,
/// b = (B - 1) T_p and D = (N - 1) t(B) this is u² - (a + b + D) u + a b = 0, whose larger root is the cycle (it
/// exceeds b, so ρ &lt; 1). Output tokens/s = B N / u. Synchronous: u = T_p + (N - 1) t(1), the plain sum. More
/// clients than B_max (and throughput runs) are <see cref="ServingRegime.Saturated"/>: the batch is full, the rest
/// queue, TTFT depends on the queue and is not given.</item>
/// </list>
/// B_max is the most sequences the KV cache holds, capped by the engine's scheduler limit (the caller's).
/// </summary>
public static class ServingLoadModel
{
    public static ServingPoint At(MeasuredWorkload load, double outputTokens, int maxBatch, Func<int, Duration> stepTime, Duration prefill)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(stepTime);
        if (maxBatch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBatch), maxBatch, "at least one sequence must fit");
        }

        var decodeTokens = Math.Max(0, outputTokens - 1);
        return load.Mode switch
        {
            LoadMode.Synchronous => ClosedLoop(1, outputTokens, stepTime, prefill, null),
            LoadMode.Concurrency => (load.Concurrency ?? 1) > maxBatch
                ? ClosedLoop(maxBatch, outputTokens, stepTime, prefill, Inv($"{load.Concurrency} clients, {maxBatch} sequences fit (B_max): the rest queue"))
                : ClosedLoop(Math.Max(1, load.Concurrency ?? 1), outputTokens, stepTime, prefill, null),
            LoadMode.Throughput => ClosedLoop(maxBatch, outputTokens, stepTime, prefill, Inv($"every request at once: the batch is full (B_max = {maxBatch}) and the rest queue")),
            LoadMode.Asynchronous => AtRate(load.RequestRatePerSecond ?? throw new ArgumentException("an asynchronous load needs its rate", nameof(load)), load.Arrivals ?? ArrivalProcess.Poisson, decodeTokens, outputTokens, maxBatch, stepTime, prefill),
            _ => throw new ArgumentOutOfRangeException(nameof(load), load.Mode, "unknown load mode"),
        };
    }

    private static ServingPoint AtRate(double rate, ArrivalProcess arrivals, double decodeTokens, double outputTokens, int maxBatch, Func<int, Duration> stepTime, Duration prefill)
    {
        var tp = prefill.Seconds;
        var rho = rate * tp;
        if (rho >= 1)
        {
            return new ServingPoint(maxBatch, stepTime(maxBatch), rho, null, null, null, ServingRegime.DoesNotHold)
            {
                Why = Inv($"the prefills alone need {rate:0.##} req/s x {tp * 1000:0.#} ms = {rho:0.##} of the server's time (ρ ≥ 1): the queue grows"),
            };
        }

        bool Holds(int b) => rate * decodeTokens * stepTime(b).Seconds <= (1 - rho) * b;
        if (!Holds(maxBatch))
        {
            var full = stepTime(maxBatch);
            return new ServingPoint(maxBatch, full, rho, null, null, null, ServingRegime.DoesNotHold)
            {
                Why = Inv($"Little's law wants more than B_max = {maxBatch} sequences decoding (λ (N-1) ITL = {rate * decodeTokens * full.Seconds / (1 - rho):0.#}): the queue grows"),
            };
        }

        // Smallest B that holds: false ... false true ... true over 1..B_max, bisected.
        var (lo, hi) = (1, maxBatch);
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) / 2);
            if (Holds(mid))
            {
                hi = mid;
            }
            else
            {
                lo = mid + 1;
            }
        }

        var t = stepTime(lo).Seconds;
        var queue = arrivals switch
        {
            ArrivalProcess.Constant => 0,
            ArrivalProcess.Poisson => rho * tp / (2 * (1 - rho)),
            _ => throw new ArgumentOutOfRangeException(nameof(arrivals), arrivals, "unknown arrival process"),
        };
        return new ServingPoint(lo, Duration.FromSeconds(t), rho, Duration.FromSeconds(t / (1 - rho)), Duration.FromSeconds(tp + (t / 2) + queue), rate * outputTokens, ServingRegime.Holds);
    }

    private static ServingPoint ClosedLoop(int batch, double outputTokens, Func<int, Duration> stepTime, Duration prefill, string? saturated)
    {
        var t = stepTime(batch).Seconds;
        var tp = prefill.Seconds;
        var a = tp + (batch > 1 ? t / 2 : 0);
        var b = (batch - 1) * tp;
        var d = Math.Max(0, outputTokens - 1) * t;
        var sum = a + b + d;
        var cycle = (sum + Math.Sqrt(Math.Max(0, (sum * sum) - (4 * a * b)))) / 2;
        var rho = cycle > 0 ? b / cycle : 0;
        var point = new ServingPoint(batch, Duration.FromSeconds(t), rho, Duration.FromSeconds(t / (1 - rho)), saturated is null ? Duration.FromSeconds(a) : null, cycle > 0 ? batch * outputTokens / cycle : null, saturated is null ? ServingRegime.Holds : ServingRegime.Saturated);
        return point with { Why = saturated };
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
