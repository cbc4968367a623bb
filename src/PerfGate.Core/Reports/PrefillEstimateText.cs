using System.Globalization;
using PerfGate.Estimation;
using PerfGate.Prefill;

namespace PerfGate.Reports;

/// <summary>
/// A prefill estimate for a person to read: the operators of one full prefill, then the TTFT lines (alone, at the
/// concurrency, from a cached prefix, synchronous ITL), invariant culture.
/// </summary>
public static class PrefillEstimateText
{
    public static TextTable Table(PrefillEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var c = CultureInfo.InvariantCulture;
        var total = estimate.Single.Seconds;
        return new TextTable(
            null,
            ["prefill operator", "scope", "time/ms", "share", "TFLOP", "bound", "source"],
            [.. estimate.Operators.Select(op => (IReadOnlyList<string>)
            [
                op.Name,
                PrefillSpellings.Id(op.Scope),
                op.Time.Milliseconds.ToString("0.000", c),
                (total > 0 ? op.Time.Seconds / total : 0).ToString("0.0%", c),
                (op.Flops / 1e12).ToString("0.000", c),
                op.Bound.ToId(),
                op.Origin,
            ])]);
    }

    public static IReadOnlyList<string> Lines(PrefillEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var c = CultureInfo.InvariantCulture;
        var (e, r) = (estimate, estimate.Request);
        var chunk = r.Chunk is { } n ? string.Create(c, $"chunk {n}") : string.Create(c, $"whole prompts, token budget {r.TokenBudget}");
        var lines = new List<string>
        {
            string.Create(c, $"prefill of {r.Prompt} tokens ({chunk}, {e.Steps} step(s)): {e.Single.Milliseconds:0.0} ms alone, {e.FlopsPerCard / 1e12:0.00} TFLOP per card"),
            string.Create(c, $"TTFT at concurrency {r.Concurrency}: mean {e.Ttft.Milliseconds:0.0} ms, worst {e.MaxTtft.Milliseconds:0.0} ms"),
        };
        if (e.Cached is { } k)
        {
            var breakEven = double.IsFinite(k.BreakEvenBandwidth.Value) ? string.Create(c, $"{k.BreakEvenBandwidth.InGBps:0.00} GB/s") : "none (recomputing is cheaper at any rate)";
            lines.Add(string.Create(c, $"prefix hit {r.PrefixHit:0.###} from {r.Tier!.Id} ({PrefillSpellings.Id(r.Overlap)}): {k.CachedTokens} tokens, load {k.LoadBytesPerCard / 1e9:0.000} GB per card in {k.Load.Milliseconds:0.0} ms, compute {k.Compute.Milliseconds:0.0} ms"));
            lines.Add(string.Create(c, $"cached TTFT: mean {k.Ttft.Milliseconds:0.0} ms, worst {k.MaxTtft.Milliseconds:0.0} ms, speedup {e.Speedup:0.00}x; break-even effective bandwidth {breakEven}"));
        }

        if (e.Itl is { } itl)
        {
            lines.Add(string.Create(c, $"synchronous: ITL {itl.Milliseconds:0.00} ms, request latency {e.RequestLatency!.Value.Milliseconds:0.0} ms for {r.OutputTokens} output tokens"));
        }

        return lines;
    }
}
