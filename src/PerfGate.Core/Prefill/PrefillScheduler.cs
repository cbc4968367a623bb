namespace PerfGate.Prefill;

/// <summary>
/// First-come first-served prefill of requests that arrive together on one attention-DP rank (internal). Without a
/// chunk, a step takes whole prompts while they fit the token budget (at least one); with a chunk, a step takes up to
/// chunk tokens, finishing the oldest request's remainder first and filling up from the next (vLLM's and SGLang's
/// chunked prefill). A request's first token is out when the step holding its last prompt token ends.
/// A prefix hit's loads run one after another on the tier from time 0, in arrival order: serially a request joins a
/// step only once its load is done; layer-wise the load of the requests starting in a step runs under that step's
/// layers (max(load, compute) + load / layers) once the tier has finished the earlier requests' loads.
/// </summary>
internal static class PrefillScheduler
{
    public static double[] Run(int requests, int newTokens, int prefix, int? chunk, int tokenBudget, double loadSeconds, KvLoadOverlap overlap, int layers, Func<IReadOnlyList<PrefillSegment>, double> step)
    {
        var done = new int[requests];
        var finish = new double[requests];
        var next = 0;
        var t = 0.0;
        var segments = new List<PrefillSegment>();
        var starting = new List<int>();
        while (next < requests)
        {
            segments.Clear();
            starting.Clear();
            var cap = chunk ?? tokenBudget;
            for (var i = next; i < requests && cap > 0; i++)
            {
                var remaining = newTokens - done[i];
                int take;
                if (chunk is not null)
                {
                    take = Math.Min(remaining, cap);
                }
                else if (remaining <= cap || segments.Count == 0)
                {
                    take = remaining;
                }
                else
                {
                    break;
                }

                if (done[i] == 0)
                {
                    starting.Add(i);
                }

                segments.Add(new PrefillSegment(take, prefix + done[i], take == remaining));
                cap -= take;
            }

            var compute = step(segments);
            var start = t;
            var duration = compute;
            if (loadSeconds > 0 && starting.Count > 0)
            {
                var last = starting[^1];
                if (overlap == KvLoadOverlap.Serial)
                {
                    start = Math.Max(t, (last + 1) * loadSeconds);
                }
                else
                {
                    var load = starting.Count * loadSeconds;
                    start = Math.Max(t, starting[0] * loadSeconds);
                    duration = Math.Max(compute, load) + (load / layers);
                }
            }

            t = start + duration;
            for (var k = 0; k < segments.Count; k++)
            {
                var i = next + k;
                done[i] += segments[k].NewTokens;
                if (segments[k].Finishes)
                {
                    finish[i] = t;
                }
            }

            while (next < requests && done[next] >= newTokens)
            {
                next++;
            }
        }

        return finish;
    }
}
