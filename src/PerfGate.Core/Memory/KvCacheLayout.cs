using PerfGate.Catalog;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// How one rank lays out its KV cache, exactly as the engine sizes a block (MindIE
/// <c>calc_block_mem</c>, vLLM <c>page_size_bytes</c>, SGLang <c>cell_size</c>):
/// <code>
/// kvHeadsPerRank     = ceil(max(kv_heads, tp) / tp)          (1 for MLA: the latent is not split by TP)
/// bytesPerTokenLayer = pad(kvHeadsPerRank * kElems) * kBytes + pad(kvHeadsPerRank * vElems) * vBytes
/// layers             = num_hidden_layers + (speculative tokens &gt;= 1 ? 1 : 0)   (the MTP layer)
/// bytesPerBlock      = blockSize * layers * bytesPerTokenLayer
/// </code>
/// GQA/MHA: kElems = vElems = head_dim. MLA: kElems = kv_lora_rank (512), vElems = qk_rope_head_dim (64).
/// MindIE int8 KV quantizes K only (V keeps the model dtype); the other engines quantize both.
/// On Ascend, MindIE's NZ layout pads each width to a multiple of 16 elements (<c>pad</c>); elsewhere pad is the identity.
/// </summary>
public sealed record KvCacheLayout
{
    public required int KvHeadsPerRank { get; init; }
    public required int KElementsPerHead { get; init; }
    public required int VElementsPerHead { get; init; }
    public required DataType KType { get; init; }
    public required DataType VType { get; init; }
    public required int Layers { get; init; }
    public required int BlockSize { get; init; }
    public required long BytesPerTokenPerLayer { get; init; }

    public long BytesPerToken => BytesPerTokenPerLayer * Layers;

    public Bytes BytesPerBlock => new(BytesPerToken * BlockSize);

    /// <summary>Computes the layout for one rank.</summary>
    /// <param name="model">The model's attention shape.</param>
    /// <param name="tp">Attention tensor-parallel degree.</param>
    /// <param name="kvType">KV cache element type (bf16, fp16, int8, fp8).</param>
    /// <param name="modelType">The model's compute dtype, kept by V under MindIE int8 KV.</param>
    /// <param name="engine">Engine whose layout rules apply (the V type under int8 KV, NZ padding).</param>
    /// <param name="blockSize">Tokens per block (MindIE cacheBlockSize, vLLM block_size, SGLang page_size, TRT tokens_per_block).</param>
    /// <param name="speculativeTokens">MTP/speculative tokens; one or more adds one layer of KV.</param>
    /// <param name="ascend">The card is an Ascend NPU (MindIE pads widths to 16 elements there).</param>
    public static KvCacheLayout For(
        ModelSpec model,
        int tp,
        DataType kvType,
        DataType modelType,
        IEngineConvention engine,
        int blockSize,
        int speculativeTokens,
        bool ascend)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentOutOfRangeException.ThrowIfLessThan(tp, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 1);

        var kvHeads = model.Mla is not null ? 1 : (int)Sharding.CeilDiv(Math.Max(model.KeyValueHeads, tp), tp);
        var kElems = model.Mla?.KvLoraRank ?? model.HeadDim;
        var vElems = model.Mla?.QkRopeHeadDim ?? model.HeadDim;
        var kType = kvType;
        ArgumentNullException.ThrowIfNull(engine);
        var nzPadding = engine.PadsKvWidths(ascend);
        var vType = engine.ValueCacheType(kvType, modelType);
        var kWidth = Pad(kvHeads * (long)kElems, nzPadding);
        var vWidth = Pad(kvHeads * (long)vElems, nzPadding);
        var perTokenLayer = Sharding.BytesOf(kWidth, kType) + Sharding.BytesOf(vWidth, vType);
        return new KvCacheLayout
        {
            KvHeadsPerRank = kvHeads,
            KElementsPerHead = kElems,
            VElementsPerHead = vElems,
            KType = kType,
            VType = vType,
            Layers = model.Layers + (speculativeTokens >= 1 ? 1 : 0),
            BlockSize = blockSize,
            BytesPerTokenPerLayer = perTokenLayer,
        };
    }

    private static long Pad(long elements, bool nz) => nz ? Sharding.CeilDiv(elements, 16) * 16 : elements;
}
