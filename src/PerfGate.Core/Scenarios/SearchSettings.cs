namespace PerfGate.Scenarios;

/// <summary>
/// The <c>search:</c> section: seed 002's configuration grid. Each list is one axis; the defaults are
/// the seed's own grid. The model comes from the scenario; hardware and NICs are lists here.
/// </summary>
public sealed record SearchSettings
{
    public required IReadOnlyList<string> Hardware { get; init; }
    public required IReadOnlyList<string> Nics { get; init; }
    public IReadOnlyList<double> TargetUserTokensPerSecond { get; init; } = [20, 15];
    public IReadOnlyList<int> Mtp { get; init; } = [0, 1];

    /// <summary>(KV element bytes, non-expert element bytes) pairs: (2,2), (1,2), (1,1).</summary>
    public IReadOnlyList<(int KvBytes, int NonExpertBytes)> ElementSizes { get; init; } = [(2, 2), (1, 2), (1, 1)];

    public IReadOnlyList<PipelineKind> Pipelines { get; init; } = [PipelineKind.Naive, PipelineKind.DualMicroBatch];
    public IReadOnlyList<int> ExpertParallel { get; init; } = [72, 144, 320];
    public int Context { get; init; } = 5120;
    public int MaxBatch { get; init; } = 128;
    public int BatchStep { get; init; } = 8;
}
