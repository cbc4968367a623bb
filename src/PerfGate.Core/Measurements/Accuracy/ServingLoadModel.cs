using PerfGate.Quantities;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// Continuous batching at a load point, from a decode step-time curve t(B) (the decode estimator at B sequences).
/// <list type="bullet">
/// <item>Synchronous: one request at a time, B = 1.</item>
/// <item>Concurrency C: B = min(C, B_max).</item>
/// <item>Throughput (every request at once): B = B_max.</item>
/// <item>Rate λ (requests/s): Little's law, B = λ · E2E with E2E = N_out · t(B) (each request decodes N_out tokens
/// at one step per token); the smallest whole B with λ · N_out · t(B) ≤ B. Step time never falls as B grows, so the
/// left side grows with B and the search is monotone. If even B_max cannot carry λ (λ · N_out · t(B_max) &gt; B_max),
/// the server is saturated: B = B_max and requests queue.</item>
/// </list>
/// B_max is the most sequences the KV cache holds (the decode estimate's memory view), capped by the engine's
/// scheduler limit (vLLM's default max_num_seqs = 256). Not modelled: the prefill work interleaved with decode steps
/// (each arriving request's prompt is computed in some step, lengthening it), so under load the estimate is a lower
/// bound on ITL; and TTFT, which needs the prefill estimate.
/// </summary>
public static class ServingLoadModel
{
    public static ServingPoint At(MeasuredWorkload load, double outputTokens, int maxBatch, Func<int, Duration> stepTime)
    {
        ArgumentNullException.ThrowIfNull(load);
        ArgumentNullException.ThrowIfNull(stepTime);
        if (maxBatch < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxBatch), maxBatch, "at least one sequence must fit");
        }

        return load.Mode switch
        {
            LoadMode.Synchronous => Point(1, stepTime, false),
            LoadMode.Concurrency => Point(Math.Min(load.Concurrency ?? 1, maxBatch), stepTime, (load.Concurrency ?? 1) > maxBatch),
            LoadMode.Throughput => Point(maxBatch, stepTime, true),
            LoadMode.Asynchronous => AtRate(load.RequestRatePerSecond ?? throw new ArgumentException("an asynchronous load needs its rate", nameof(load)), outputTokens, maxBatch, stepTime),
            _ => throw new ArgumentOutOfRangeException(nameof(load), load.Mode, "unknown load mode"),
        };
    }

    private static ServingPoint AtRate(double rate, double outputTokens, int maxBatch, Func<int, Duration> stepTime)
    {
        bool Holds(int b) => rate * outputTokens * stepTime(b).Seconds <= b;
        if (!Holds(maxBatch))
        {
            return Point(maxBatch, stepTime, true);
        }

        // Smallest B that holds. The predicate is t(B)/B <= 1/(λ N_out), and t(B)/B falls as B grows (a decode step is
        // a fixed weight-read cost plus a per-sequence part), so it is false ... false true ... true: bisect 1..B_max.
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

        return Point(lo, stepTime, false);
    }

    private static ServingPoint Point(int batch, Func<int, Duration> stepTime, bool saturated)
    {
        var t = stepTime(batch);
        return new ServingPoint(batch, t, batch / t.Seconds, saturated);
    }
}
