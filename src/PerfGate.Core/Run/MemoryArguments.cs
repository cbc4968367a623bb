namespace PerfGate.Run;

/// <summary>
/// A memory question as a front end received it (<c>perfgate memory</c>'s options): the raw values, null where not given.
/// <see cref="MemoryRun.Answer"/> applies the rules: which values combine, the defaults, the engine, the files named.
/// </summary>
public sealed record MemoryArguments
{
    public string? MindieConfigPath { get; init; }
    public string? Model { get; init; }
    public string? ModelConfigPath { get; init; }
    public string? Hardware { get; init; }
    public string? Workspace { get; init; }
    public string? Scenario { get; init; }
    public string? Engine { get; init; }
    public int? Cards { get; init; }
    public int? Tp { get; init; }
    public int? Dp { get; init; }
    public int? Ep { get; init; }
    public int? NpuMemSize { get; init; }
    public string? MemoryFraction { get; init; }
    public int? CacheBlockSize { get; init; }
    public int? MaxSeqLen { get; init; }
    public int? MaxInputTokenLen { get; init; }
    public int? MaxIterTimes { get; init; }
    public int? MaxPrefillTokens { get; init; }
    public int? MaxPrefillBatchSize { get; init; }
    public int? MaxBatchSize { get; init; }
    public int? InputTokens { get; init; }
    public int? OutputTokens { get; init; }
    public int? SpeculativeTokens { get; init; }
    public string? WeightsDtype { get; init; }
    public string? KvDtype { get; init; }
    public string? HcclBuffSize { get; init; }
    public string? SystemReserved { get; init; }
}
