using PerfGate.Memory;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using static PerfGate.Tests.Memory.MemoryFixtures;

namespace PerfGate.Tests.Memory;

public sealed class KvCacheLayoutTests
{
    [Fact]
    public void Qwen25_72B_bf16_tp8_block128_is_40_KiB_per_token_and_5_MiB_per_block()
    {
        // memory-budgets.md 1.4: kv heads per rank = ceil(max(8, 8)/8) = 1;
        // per token per layer = 1 * (128*2 + 128*2) = 512 B; * 80 layers = 40,960 B = 40 KiB; * 128 tokens = 5,242,880 B = 5 MiB.
        var kv = KvCacheLayout.For(Qwen25_72B, 8, DataType.Bf16, DataType.Bf16, MemoryEngines.MindIE, 128, 0, ascend: true);
        Assert.Equal(1, kv.KvHeadsPerRank);
        Assert.Equal(512, kv.BytesPerTokenPerLayer);
        Assert.Equal(40 * Bytes.KiB, kv.BytesPerToken);
        Assert.Equal(5 * Bytes.MiB, kv.BytesPerBlock.Value);
    }

    [Fact]
    public void QwQ32B_tp4_has_two_kv_heads_per_rank_and_8_MiB_blocks()
    {
        // GQA: 8 KV heads / tp 4 = 2 per rank; 2 * (128*2 + 128*2) = 1,024 B per token per layer;
        // * 64 layers = 65,536 B = 64 KiB per token; * 128 = 8,388,608 B = 8 MiB per block.
        var kv = KvCacheLayout.For(QwQ32B, 4, DataType.Bf16, DataType.Bf16, MemoryEngines.MindIE, 128, 0, ascend: true);
        Assert.Equal(2, kv.KvHeadsPerRank);
        Assert.Equal(1024, kv.BytesPerTokenPerLayer);
        Assert.Equal(8 * Bytes.MiB, kv.BytesPerBlock.Value);
    }

    [Fact]
    public void Tp_above_kv_heads_replicates_one_kv_head_per_rank()
    {
        // Llama-3-8B has 8 KV heads; tp 16: ceil(max(8, 16)/16) = 1 head per rank, not 8/16 = 0.5.
        // 1 * (128*2 + 128*2) = 512 B per token per layer * 32 layers * 16 tokens = 262,144 B.
        var kv = KvCacheLayout.For(Llama3_8B with { AttentionHeads = 32 }, 16, DataType.Bf16, DataType.Bf16, MemoryEngines.Find("vllm")!, 16, 0, ascend: false);
        Assert.Equal(1, kv.KvHeadsPerRank);
        Assert.Equal(512, kv.BytesPerTokenPerLayer);
        Assert.Equal(262_144, kv.BytesPerBlock.Value);
    }

    [Fact]
    public void Mla_caches_576_elements_per_token_per_layer_whatever_the_tp()
    {
        // DeepSeek-V3: kv_lora_rank 512 + qk_rope_head_dim 64 = 576 elements, bf16: 1,152 B per token per layer, not split by TP.
        var tp1 = KvCacheLayout.For(DeepSeekV3, 1, DataType.Bf16, DataType.Bf16, MemoryEngines.MindIE, 128, 0, ascend: true);
        var tp16 = KvCacheLayout.For(DeepSeekV3, 16, DataType.Bf16, DataType.Bf16, MemoryEngines.MindIE, 128, 0, ascend: true);
        Assert.Equal(1152, tp1.BytesPerTokenPerLayer);
        Assert.Equal(1152, tp16.BytesPerTokenPerLayer);
        Assert.Equal(61, tp1.Layers);
    }

    [Fact]
    public void Mtp_adds_one_layer_deepseek_v3_block_is_8_72_MiB()
    {
        // memory-budgets.md 1.4: 62 layers * 1,152 B = 71,424 B per token; * 128 = 9,142,272 B = 8.72 MiB.
        var kv = KvCacheLayout.For(DeepSeekV3, 8, DataType.Bf16, DataType.Bf16, MemoryEngines.MindIE, 128, speculativeTokens: 1, ascend: true);
        Assert.Equal(62, kv.Layers);
        Assert.Equal(71_424, kv.BytesPerToken);
        Assert.Equal(9_142_272, kv.BytesPerBlock.Value);
        Assert.Equal(8.72, Math.Round(kv.BytesPerBlock.InMiB, 2));
    }

    [Fact]
    public void Mindie_int8_kv_quantizes_k_only()
    {
        // QwQ-32B tp4, MindIE int8 KV: K 2 heads * 128 * 1 B = 256, V 2 * 128 * 2 B = 512 -> 768 B per token per layer (not 512).
        var kv = KvCacheLayout.For(QwQ32B, 4, DataType.Int8, DataType.Bf16, MemoryEngines.MindIE, 128, 0, ascend: true);
        Assert.Equal(DataType.Int8, kv.KType);
        Assert.Equal(DataType.Bf16, kv.VType);
        Assert.Equal(768, kv.BytesPerTokenPerLayer);
    }

    [Fact]
    public void Vllm_fp8_kv_quantizes_both_k_and_v()
    {
        // 2 heads * (128 + 128) * 1 B = 512 B per token per layer.
        var kv = KvCacheLayout.For(QwQ32B, 4, DataType.Fp8, DataType.Bf16, MemoryEngines.Find("vllm")!, 16, 0, ascend: false);
        Assert.Equal(512, kv.BytesPerTokenPerLayer);
    }

    [Fact]
    public void Mindie_int8_mla_keeps_the_rope_part_in_bf16()
    {
        // k = kv_lora_rank 512 * 1 B, v = rope 64 * 2 B: 640 B per token per layer.
        var kv = KvCacheLayout.For(DeepSeekV3, 8, DataType.Int8, DataType.Bf16, MemoryEngines.MindIE, 128, 0, ascend: true);
        Assert.Equal(640, kv.BytesPerTokenPerLayer);
    }

    [Fact]
    public void Nz_layout_pads_widths_to_16_elements()
    {
        // head_dim 72, one KV head per rank: 72 -> 80 elements each for K and V on Ascend: (80 + 80) * 2 B = 320 B; unpadded 288 B.
        var model = Llama3_8B with { HeadDim = 72 };
        var nz = KvCacheLayout.For(model, 8, DataType.Bf16, DataType.Bf16, MemoryEngines.MindIE, 128, 0, ascend: true);
        var plain = KvCacheLayout.For(model, 8, DataType.Bf16, DataType.Bf16, MemoryEngines.MindIE, 128, 0, ascend: false);
        Assert.Equal(320, nz.BytesPerTokenPerLayer);
        Assert.Equal(288, plain.BytesPerTokenPerLayer);
    }
}
