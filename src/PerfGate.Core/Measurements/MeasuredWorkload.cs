namespace PerfGate.Measurements;

/// <summary>
/// The load a run was measured under. <paramref name="RequestRatePerSecond"/> is the offered rate of an asynchronous run;
/// <paramref name="Concurrency"/> the requests in flight of a concurrency run; the token counts are per request
/// (a mean where the tool reports one). Null where the report does not say.
/// </summary>
public sealed record MeasuredWorkload(
    LoadMode Mode,
    double? RequestRatePerSecond,
    int? Concurrency,
    double? PromptTokens,
    double? OutputTokens)
{
    /// <summary>How an asynchronous run spaced its requests; null where the report does not say.</summary>
    public ArrivalProcess? Arrivals { get; init; }

    /// <summary>A stable name for the load point: "synchronous", "asynchronous@2.6", "concurrency@8", "throughput".</summary>
    public string Label => Mode switch
    {
        LoadMode.Synchronous => "synchronous",
        LoadMode.Throughput => "throughput",
        LoadMode.Asynchronous => RequestRatePerSecond is { } r ? "asynchronous@" + MeasuredText.Number(r) : "asynchronous",
        LoadMode.Concurrency => Concurrency is { } c ? "concurrency@" + MeasuredText.Number(c) : "concurrency",
        _ => throw new ArgumentOutOfRangeException(nameof(Mode), Mode, "unknown load mode"),
    };
}
