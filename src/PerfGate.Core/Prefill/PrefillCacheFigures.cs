using PerfGate.Quantities;

namespace PerfGate.Prefill;

/// <summary>
/// A prefix hit: <see cref="CachedTokens"/> of the prompt's KV come from the tier (<see cref="LoadBytesPerCard"/> per card,
/// <see cref="Load"/> for one request including the tier's latency); the other tokens are computed attending to all.
/// </summary>
public sealed record PrefillCacheFigures
{
    public required int CachedTokens { get; init; }

    public required double LoadBytesPerCard { get; init; }

    /// <summary>One request's load: transfer + tier latency.</summary>
    public required Duration Load { get; init; }

    /// <summary>Prefill of the new tokens of one request alone, without the load.</summary>
    public required Duration Compute { get; init; }

    /// <summary>One request alone, load and compute combined per the overlap mode.</summary>
    public required Duration Single { get; init; }

    public required Duration Ttft { get; init; }

    public required Duration MaxTtft { get; init; }

    /// <summary>
    /// The tier's effective bandwidth (bandwidth x efficiency, as the family counts it) below which loading the
    /// prefix (serially) is slower than recomputing it; infinite when recomputing costs no more than the tier's latency.
    /// </summary>
    public required BytesPerSecond BreakEvenBandwidth { get; init; }
}
