using PerfGate.Quantities;

namespace PerfGate.Prefill;

/// <summary>
/// The figures of a <see cref="PrefillRequest"/>. <see cref="Ttft"/> is the mean over the concurrent requests,
/// <see cref="MaxTtft"/> the last one's; <see cref="Single"/> is one request alone (no queue), whose operators are
/// <see cref="Operators"/>. The cached figures are set when the request has a prefix hit.
/// </summary>
public sealed record PrefillEstimate
{
    public required PrefillRequest Request { get; init; }

    /// <summary>One prompt prefilled alone (all its steps), the synchronous time to first token.</summary>
    public required Duration Single { get; init; }

    public required Duration Ttft { get; init; }

    public required Duration MaxTtft { get; init; }

    /// <summary>Steps one request alone takes (1 without chunking).</summary>
    public required int Steps { get; init; }

    /// <summary>Operators of the single full prefill, in build order.</summary>
    public required IReadOnlyList<PrefillOperator> Operators { get; init; }

    /// <summary>Prefill FLOPs per card of one full prompt (GEMMs + attention).</summary>
    public required double FlopsPerCard { get; init; }

    /// <summary>KV bytes per token held on each card (all layers).</summary>
    public required double KvBytesPerTokenPerCard { get; init; }

    public PrefillCacheFigures? Cached { get; init; }

    /// <summary>Batch-1 decode step at the prompt plus half the output in context (the synchronous inter-token latency); null without output tokens.</summary>
    public Duration? Itl { get; init; }

    /// <summary>Synchronous request latency: single TTFT + ITL x (output - 1); null without output tokens.</summary>
    public Duration? RequestLatency { get; init; }

    /// <summary>Mean TTFT over max-TTFT ratio etc. are derived by callers; this is ttft / cachedTtft.</summary>
    public double? Speedup => Cached is { } c && c.Ttft.Seconds > 0 ? Ttft.Seconds / c.Ttft.Seconds : null;
}
