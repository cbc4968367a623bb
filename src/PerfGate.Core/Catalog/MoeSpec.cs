namespace PerfGate.Catalog;

/// <summary>Mixture-of-experts layout. Layers before <see cref="FirstDenseLayers"/> are dense MLP layers.</summary>
public sealed record MoeSpec
{
    public required int RoutedExperts { get; init; }
    public required int ExpertsPerToken { get; init; }
    public required int ExpertIntermediateSize { get; init; }
    public int SharedExperts { get; init; }

    /// <summary>Intermediate size of the shared expert block (Qwen2-MoE: 20480); when 0, shared experts use <see cref="ExpertIntermediateSize"/> each.</summary>
    public int SharedExpertIntermediateSize { get; init; }

    /// <summary>Qwen2-MoE's sigmoid gate on the shared expert (a hidden x 1 projection).</summary>
    public bool SharedExpertGate { get; init; }

    /// <summary>DeepSeek-V3's per-expert score-correction bias in the router.</summary>
    public bool RouterBias { get; init; }

    /// <summary>DeepSeek's first_k_dense_replace: leading layers with a dense MLP.</summary>
    public int FirstDenseLayers { get; init; }
}
