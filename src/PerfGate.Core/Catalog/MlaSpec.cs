namespace PerfGate.Catalog;

/// <summary>Multi-head latent attention (DeepSeek-V2/V3). The KV cache holds kv_lora_rank + rope dims per token per layer.</summary>
public sealed record MlaSpec
{
    /// <summary>Null when queries are projected directly (DeepSeek-V2-Lite).</summary>
    public int? QLoraRank { get; init; }

    public required int KvLoraRank { get; init; }
    public required int QkNopeHeadDim { get; init; }
    public required int QkRopeHeadDim { get; init; }
    public required int VHeadDim { get; init; }

    /// <summary>Elements cached per token per layer: kv_lora_rank + qk_rope_head_dim (576 for V3).</summary>
    public int CachedElementsPerToken => KvLoraRank + QkRopeHeadDim;
}
