namespace PerfGate.Memory;

/// <summary>
/// Scheduler limits used when a request leaves them out, whatever the engine (MindIE's shipped config.json and
/// service_parameter_configuration.md; memory-budgets.md 1.1). An engine's own defaults (memory fraction, block size,
/// reserved blocks) belong to its <see cref="Engines.IEngineConvention"/>.
/// </summary>
public static class EngineDefaults
{
    public const int MaxSeqLen = 2560;
    public const int MaxInputTokenLen = 2048;
    public const int MaxIterTimes = 512;
    public const int MaxPrefillTokens = 8192;
    public const int MaxPrefillBatchSize = 50;
    public const int MaxBatchSize = 200;

    /// <summary>The 0.8 factor of the older MindIE tuning guide's Floor[(free - weights - post-processing) * 0.8].</summary>
    public const double LegacyGuideFactor = 0.8;
}
