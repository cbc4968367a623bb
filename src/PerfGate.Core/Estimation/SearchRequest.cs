using PerfGate.Catalog;
using PerfGate.Estimation.Calibration;
using PerfGate.Scenarios;

namespace PerfGate.Estimation;

/// <summary>
/// Seed 002's configuration search: for each card, NIC, MTP length, (KV, non-expert) element size, pipeline
/// and EP degree, the largest batch (from <see cref="MaxBatch"/> down in steps of <see cref="BatchStep"/>) whose
/// KV cache fits and whose UX TPS reaches <see cref="TargetUserTokensPerSecond"/>. Routed experts are fp8
/// (the seed's DeepGEMM), attention is data parallel over EP cards (TP 1, DP = EP).
/// </summary>
public sealed record SearchRequest
{
    public required ModelSpec Model { get; init; }
    public required IReadOnlyList<HardwareSpec> Hardware { get; init; }
    public required IReadOnlyList<NicSpec> Nics { get; init; }
    public double TargetUserTokensPerSecond { get; init; } = 20;
    public IReadOnlyList<int> Mtp { get; init; } = [0, 1];
    public IReadOnlyList<(int KvBytes, int NonExpertBytes)> ElementSizes { get; init; } = [(2, 2), (1, 2), (1, 1)];
    public IReadOnlyList<PipelineKind> Pipelines { get; init; } = [PipelineKind.DualMicroBatch, PipelineKind.Naive];
    public IReadOnlyList<int> ExpertParallel { get; init; } = [72, 144, 320];
    public int Context { get; init; } = 5120;
    public int MaxBatch { get; init; } = 128;
    public int BatchStep { get; init; } = 8;
    public double MtpAcceptance { get; init; } = 0.85;
    public EfficiencySource Efficiency { get; init; } = EfficiencySource.Seed;

    /// <summary>Seed 002's rule by default: the sparse-layer time times all layers.</summary>
    public LayerTreatment Layers { get; init; } = LayerTreatment.SeedSparseTimesAllLayers;

    /// <summary>Measured tables by hardware id, for <see cref="EfficiencySource.Measured"/>.</summary>
    public IReadOnlyDictionary<string, CalibrationTables> Calibration { get; init; } = new Dictionary<string, CalibrationTables>(StringComparer.Ordinal);

    /// <summary>A request from a scenario's <c>search:</c> section, for one of its targets.</summary>
    public static SearchRequest FromSettings(SearchSettings settings, ModelSpec model, IReadOnlyList<HardwareSpec> hardware, IReadOnlyList<NicSpec> nics, double target)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new SearchRequest
        {
            Model = model,
            Hardware = hardware,
            Nics = nics,
            TargetUserTokensPerSecond = target,
            Mtp = settings.Mtp,
            ElementSizes = settings.ElementSizes,
            Pipelines = settings.Pipelines,
            ExpertParallel = settings.ExpertParallel,
            Context = settings.Context,
            MaxBatch = settings.MaxBatch,
            BatchStep = settings.BatchStep,
        };
    }
}
