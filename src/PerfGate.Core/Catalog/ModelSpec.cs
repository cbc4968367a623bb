using PerfGate.Diagnostics;

namespace PerfGate.Catalog;

/// <summary>
/// A transformer's architecture: every field needed for exact parameter and KV-cache sizes.
/// Field names follow HuggingFace config.json in camelCase.
/// </summary>
public sealed record ModelSpec
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Architecture family: llama, qwen2, qwen2-moe, qwen3, qwen3-moe, deepseek-v2, deepseek-v3.</summary>
    public required string Family { get; init; }

    public required int Layers { get; init; }
    public required int HiddenSize { get; init; }
    public required int AttentionHeads { get; init; }
    public required int KeyValueHeads { get; init; }
    public required int HeadDim { get; init; }

    /// <summary>Dense MLP intermediate size (also used by the leading dense layers of MoE models).</summary>
    public required int IntermediateSize { get; init; }

    public required int VocabSize { get; init; }
    public bool TiedEmbeddings { get; init; }
    public bool QkvBias { get; init; }

    /// <summary>Per-head RMSNorm on queries and keys (Qwen3's q_norm and k_norm: head_dim weights each).</summary>
    public bool QkNorm { get; init; }
    public MoeSpec? Moe { get; init; }
    public MlaSpec? Mla { get; init; }

    /// <summary>Multi-token-prediction modules (DeepSeek-V3: 1), not counted in <c>parameters</c>.</summary>
    public int MtpLayers { get; init; }

    /// <summary>Context window in tokens (HuggingFace max_position_embeddings); null when the document does not say.</summary>
    public int? MaxPositionEmbeddings { get; init; }

    public Provenance Sources { get; init; } = Provenance.Empty;

    public SourceLocation Location { get; init; } = SourceLocation.None;

    public bool IsMoe => Moe is not null;

    public bool IsMla => Mla is not null;
}
