namespace PerfGate.Gate;

/// <summary>Which way a figure is good: decides whether a drift is labelled a regression or an improvement.</summary>
public enum MetricDirection
{
    /// <summary>Neither way is better (a memory component, a count): a drift is just a change.</summary>
    Neutral,

    /// <summary>Throughput, fitting batch, free memory: down is a regression.</summary>
    HigherIsBetter,

    /// <summary>Latency, step time, memory used: up is a regression.</summary>
    LowerIsBetter,
}
