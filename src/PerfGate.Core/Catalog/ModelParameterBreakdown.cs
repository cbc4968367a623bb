namespace PerfGate.Catalog;

/// <summary>
/// Exact parameter counts of a model, by component. Per-layer figures are for one layer of that kind;
/// totals multiply by the layer counts. The multi-token-prediction module is reported separately and is
/// not part of <see cref="Total"/>.
/// </summary>
public sealed record ModelParameterBreakdown
{
    /// <summary>Input embedding table: vocab x hidden.</summary>
    public required long Embedding { get; init; }

    /// <summary>Output projection: vocab x hidden, or 0 when tied to the embedding.</summary>
    public required long LmHead { get; init; }

    /// <summary>The final RMSNorm: hidden.</summary>
    public required long FinalNorm { get; init; }

    /// <summary>One layer's attention block: projections, their biases, and MLA's internal norms.</summary>
    public required long AttentionPerLayer { get; init; }

    /// <summary>One layer's two RMSNorms (before attention and before the MLP): 2 x hidden.</summary>
    public required long LayerNormsPerLayer { get; init; }

    /// <summary>One dense (gated) MLP: 3 x hidden x intermediate.</summary>
    public required long DenseMlpPerLayer { get; init; }

    /// <summary>Layers with a dense MLP (all layers of a dense model; the leading ones of a MoE model).</summary>
    public required int DenseLayers { get; init; }

    /// <summary>Layers with a mixture-of-experts block.</summary>
    public required int MoeLayers { get; init; }

    /// <summary>One routed expert: 3 x hidden x expert intermediate.</summary>
    public required long ParametersPerExpert { get; init; }

    /// <summary>All routed experts of one MoE layer.</summary>
    public required long RoutedExpertsPerLayer { get; init; }

    /// <summary>The shared expert block of one MoE layer, including Qwen2-MoE's shared-expert gate.</summary>
    public required long SharedExpertsPerLayer { get; init; }

    /// <summary>The router of one MoE layer: hidden x experts, plus DeepSeek-V3's score-correction bias.</summary>
    public required long RouterPerLayer { get; init; }

    /// <summary>One multi-token-prediction module (DeepSeek-V3), sharing the embedding and head; 0 when the model has none.</summary>
    public required long MtpParametersPerModule { get; init; }

    public long DenseLayerTotal => checked(AttentionPerLayer + LayerNormsPerLayer + DenseMlpPerLayer);

    public long MoeLayerTotal => checked(AttentionPerLayer + LayerNormsPerLayer + RoutedExpertsPerLayer + SharedExpertsPerLayer + RouterPerLayer);

    /// <summary>Every parameter of the model proper (no MTP module).</summary>
    public long Total => checked(Embedding + LmHead + FinalNorm + (DenseLayers * DenseLayerTotal) + (MoeLayers * MoeLayerTotal));

    /// <summary>All routed-expert parameters.</summary>
    public long RoutedExperts => checked(MoeLayers * RoutedExpertsPerLayer);

    /// <summary>Everything but the routed experts (seed 002's "non-expert" parameters).</summary>
    public long NonExpert => Total - RoutedExperts;

    /// <summary>Parameters one token touches: the total minus the routed experts it is not sent to.</summary>
    public required long ActivatedPerToken { get; init; }

    /// <summary>The components as (name, count) pairs in a stable order, for reports and JSON.</summary>
    public IReadOnlyList<KeyValuePair<string, long>> Components =>
    [
        new("embedding", Embedding),
        new("lmHead", LmHead),
        new("finalNorm", FinalNorm),
        new("attention", checked((DenseLayers + MoeLayers) * AttentionPerLayer)),
        new("layerNorms", checked((DenseLayers + MoeLayers) * LayerNormsPerLayer)),
        new("denseMlp", checked(DenseLayers * DenseMlpPerLayer)),
        new("routedExperts", RoutedExperts),
        new("sharedExperts", checked(MoeLayers * SharedExpertsPerLayer)),
        new("router", checked(MoeLayers * RouterPerLayer)),
    ];
}
