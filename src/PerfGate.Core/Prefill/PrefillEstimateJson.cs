using System.Text.Json;
using PerfGate.Estimation;

namespace PerfGate.Prefill;

/// <summary>
/// The <c>prefill</c> object of <c>perfgate estimate --prompt S --json</c>: the request, <c>ttftMs</c> (mean over the
/// concurrent requests), <c>maxTtftMs</c>, <c>breakdown[]</c> (operators of one full prefill alone), and with a prefix
/// hit <c>cachedTtftMs</c>, <c>speedup</c> (= ttftMs / cachedTtftMs) and the break-even bandwidth. Invariant numbers,
/// six significant digits, fixed property order.
/// </summary>
public static class PrefillEstimateJson
{
    public static void Write(Utf8JsonWriter json, PrefillEstimate e)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(e);
        var r = e.Request;
        json.WriteStartObject("prefill");
        json.WriteNumber("prompt", r.Prompt);
        if (r.Chunk is { } chunk)
        {
            json.WriteNumber("chunk", chunk);
        }
        else
        {
            json.WriteNull("chunk");
        }

        json.WriteNumber("concurrency", r.Concurrency);
        json.WriteNumber("tokenBudget", r.TokenBudget);
        json.WriteNumber("prefixHit", r.PrefixHit);
        json.WriteString("prefixTier", r.Tier?.Id);
        json.WriteString("overlap", PrefillSpellings.Id(r.Overlap));
        json.WriteNumber("steps", e.Steps);
        json.WriteNumber("singleTtftMs", Round(e.Single.Milliseconds));
        json.WriteNumber("ttftMs", Round(e.Ttft.Milliseconds));
        json.WriteNumber("maxTtftMs", Round(e.MaxTtft.Milliseconds));
        json.WriteNumber("flopsPerCard", Round(e.FlopsPerCard));
        json.WriteNumber("kvBytesPerTokenPerCard", Round(e.KvBytesPerTokenPerCard));
        json.WriteStartArray("breakdown");
        var total = e.Single.Seconds;
        foreach (var op in e.Operators)
        {
            json.WriteStartObject();
            json.WriteString("name", op.Name);
            json.WriteString("scope", PrefillSpellings.Id(op.Scope));
            json.WriteString("kind", op.Kind.ToString().ToLowerInvariant());
            json.WriteNumber("timeMs", Round(op.Time.Milliseconds));
            json.WriteNumber("share", Round(total > 0 ? op.Time.Seconds / total : 0));
            json.WriteNumber("flops", Round(op.Flops));
            json.WriteNumber("bytes", Round(op.Bytes));
            json.WriteString("bound", op.Bound.ToId());
            json.WriteString("source", op.Origin);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        if (e.Cached is { } c)
        {
            json.WriteNumber("cachedTokens", c.CachedTokens);
            json.WriteNumber("loadBytesPerCard", Round(c.LoadBytesPerCard));
            json.WriteNumber("loadMs", Round(c.Load.Milliseconds));
            json.WriteNumber("cachedComputeMs", Round(c.Compute.Milliseconds));
            json.WriteNumber("cachedSingleTtftMs", Round(c.Single.Milliseconds));
            json.WriteNumber("cachedTtftMs", Round(c.Ttft.Milliseconds));
            json.WriteNumber("cachedMaxTtftMs", Round(c.MaxTtft.Milliseconds));
            json.WriteNumber("speedup", Round(e.Speedup ?? 0));
            if (double.IsFinite(c.BreakEvenBandwidth.Value))
            {
                json.WriteNumber("breakEvenGBps", Round(c.BreakEvenBandwidth.InGBps));
            }
            else
            {
                json.WriteNull("breakEvenGBps");
            }
        }

        if (e.Itl is { } itl)
        {
            json.WriteNumber("outputTokens", r.OutputTokens);
            json.WriteNumber("itlMs", Round(itl.Milliseconds));
            json.WriteNumber("requestLatencyMs", Round(e.RequestLatency!.Value.Milliseconds));
        }

        json.WriteEndObject();
    }

    // Six significant figures, as the decode JSON.
    private static double Round(double v) => v == 0 || !double.IsFinite(v) ? 0 : Math.Round(v, Math.Clamp(5 - (int)Math.Floor(Math.Log10(Math.Abs(v))), 0, 15));
}
