using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

public sealed class OperatorListTests
{
    private static DecodeRequest Llama(int batch, int context) => new()
    {
        Model = Fixtures.Llama3_8B,
        Hardware = Fixtures.H100,
        Batch = batch,
        Context = context,
        Efficiency = EfficiencySource.Roofline,
    };

    [Fact]
    public void Qkv_projection_flops_bytes_and_roofline_time_match_hand_arithmetic()
    {
        var op = EstimateAssert.Op(EstimateAssert.Ok(Llama(batch: 2, context: 1000)), "qkv_proj");
        // M = 2 tokens, N = (32 + 2 x 8) x 128 = 6144, K = 4096.
        Assert.Equal((2L, 6144L, 4096L), (op.M, op.N, op.K));
        // FLOPs = 2 x 2 x 6144 x 4096 = 100,663,296.
        Assert.Equal(100_663_296, op.Flops);
        // Bytes = weight 6144 x 4096 x 2 = 50,331,648 + activations (2 x 4096 + 2 x 6144) x 2 = 40,960.
        Assert.Equal(50_372_608, op.Bytes);
        Assert.Equal(50_331_648, op.WeightBytes);
        // Memory-bound: 50,372,608 B / 3.35e12 B/s = 15.0366 us (compute would take 0.10 us).
        Assert.Equal(50_372_608 / 3.35e12, op.Time.Seconds, 12);
        Assert.Equal(Bound.Memory, op.Bound);
        Assert.Equal(EfficiencyOrigin.Roofline, op.Origin);
        Assert.Equal(32, op.Instances);
    }

    [Fact]
    public void Gqa_attention_reads_the_kv_cache_of_every_sequence()
    {
        var op = EstimateAssert.Op(EstimateAssert.Ok(Llama(batch: 2, context: 1000)), "attention");
        // KV = 2 seqs x 1000 tokens x (K and V) 2 x 8 heads x 128 x 2 B = 8,192,000; q and out: 2 x 2 x 32 x 128 x 2 = 32,768.
        Assert.Equal(8_224_768, op.Bytes);
        // FLOPs = QK and PV: 4 x 2 tokens x 32 heads x 1000 x 128 = 32,768,000.
        Assert.Equal(32_768_000, op.Flops);
        Assert.Equal(OperatorKind.Attention, op.Kind);
    }

    [Fact]
    public void Lm_head_and_mlp_weights_are_the_architectures()
    {
        var e = EstimateAssert.Ok(Llama(batch: 1, context: 128));
        // lm_head: 128,256 x 4096 x 2 B = 1,050,673,152, once per step.
        var head = EstimateAssert.Op(e, "lm_head");
        Assert.Equal(1_050_673_152, head.WeightBytes);
        Assert.Equal((OperatorScope.Model, 1), (head.Scope, head.Instances));
        // gate+up: 2 x 14,336 x 4096 x 2 B = 234,881,024; down: 4096 x 14,336 x 2 = 117,440,512.
        Assert.Equal(234_881_024, EstimateAssert.Op(e, "gate_up_proj").WeightBytes);
        Assert.Equal(117_440_512, EstimateAssert.Op(e, "down_proj").WeightBytes);
    }

    [Fact]
    public void Tensor_parallel_splits_heads_and_mlp_and_adds_ring_all_reduces()
    {
        var e = EstimateAssert.Ok(Llama(batch: 4, context: 128) with { Parallelism = new Parallelism(Tp: 4) });
        var qkv = EstimateAssert.Op(e, "qkv_proj");
        // (32 / 4 + 2 x 8 / 4) x 128 = 1536.
        Assert.Equal(1536, qkv.N);
        Assert.Equal(14336 / 4, EstimateAssert.Op(e, "down_proj").K);
        var ar = EstimateAssert.Op(e, "attn_all_reduce");
        // Ring all-reduce wire bytes: 4 tokens x 4096 x 2 B x 2 x (4 - 1) / 4 = 49,152; over 450 GB/s NVLink.
        Assert.Equal(49_152, ar.Bytes);
        Assert.Equal(49_152 / 450e9, ar.Time.Seconds, 12);
        Assert.Equal(Bound.Network, ar.Bound);
    }

    [Fact]
    public void Mla_is_modelled_absorbed_as_flashmla_computes_it()
    {
        var e = EstimateAssert.Ok(new DecodeRequest
        {
            Model = Fixtures.DeepSeekV3,
            Hardware = SeedFixtures.H800,
            Nic = Fixtures.Cx7,
            Parallelism = new Parallelism(1, 256, 256),
            Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Bf16),
            Batch = 4,
            Context = 5120,
            Efficiency = EfficiencySource.Roofline,
        });
        var core = EstimateAssert.Op(e, "mla_attention", OperatorScope.MoeLayer);
        // KV: 4 seqs x 5120 x 576 (512 latent + 64 rope) x 1 B = 11,796,480; q (576) and out (512) per head:
        // 4 tokens x 128 heads x 1088 x 2 B = 1,114,112.
        Assert.Equal(11_796_480 + 1_114_112, core.Bytes);
        // FLOPs: 2 x 4 x 128 x 5120 x (576 + 512) = 5,704,253,440.
        Assert.Equal(5_704_253_440, core.Flops);
        // q_absorb (W_UK) per head 128 x 512 over 128 heads: weight 128 x 128 x 512 x 2 B = 16,777,216.
        var absorb = EstimateAssert.Op(e, "q_absorb", OperatorScope.MoeLayer);
        Assert.Equal(16_777_216, absorb.WeightBytes);
        Assert.Equal((4L, 512L, 128L), (absorb.M, absorb.N, absorb.K));
        Assert.Equal(58, core.Instances);
        Assert.Equal(3, EstimateAssert.Op(e, "mla_attention", OperatorScope.DenseLayer).Instances);
    }

    [Fact]
    public void Routed_experts_touch_the_expected_distinct_experts_at_this_batch()
    {
        var e = EstimateAssert.Ok(new DecodeRequest
        {
            Model = Fixtures.DeepSeekV3,
            Hardware = SeedFixtures.H800,
            Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Fp8),
            Batch = 1,
            Context = 1,
            Efficiency = EfficiencySource.Roofline,
        });
        var up = EstimateAssert.Op(e, "experts_gate_up");
        // One token picks 8 of 256: 256 x (1 - (1 - 8/256)^1) = 8 experts hit, 1 row each.
        Assert.Equal(8, up.Flops / (2.0 * 4096 * 7168), 9);
        Assert.Equal(8 * 4096 * 7168.0, up.WeightBytes, 3);
        Assert.Equal(256 * 4096 * 7168.0, up.ResidentWeightBytes, 3);

        var many = EstimateAssert.Ok(e.Request with { Batch = 64 });
        var hit = EstimateAssert.Op(many, "experts_down").WeightBytes / (7168.0 * 2048);
        // 64 tokens: 256 x (1 - (248/256)^64) = 222.4 experts.
        Assert.Equal(256 * (1 - Math.Pow(248.0 / 256, 64)), hit, 6);
    }

    [Fact]
    public void Expert_parallel_dispatch_and_combine_follow_seed_002()
    {
        var e = EstimateAssert.Ok(new DecodeRequest
        {
            Model = Fixtures.DeepSeekV3,
            Hardware = SeedFixtures.H800,
            Nic = Fixtures.E810,
            Parallelism = new Parallelism(1, 144, 144),
            Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Bf16),
            Batch = 32,
            Mtp = 1,
            Context = 5120,
            Efficiency = EfficiencySource.Seed,
        });
        var combine = EstimateAssert.Op(e, "ep_combine");
        // Seed: hidden x non-expert element size x batch x q_seq_len x experts per token = 7168 x 2 x 32 x 2 x 8.
        Assert.Equal(7168.0 * 2 * 32 * 2 * 8, combine.Bytes);
        Assert.Equal(combine.Bytes / (10.0 * (1 << 30)), combine.Time.Seconds, 12);
        var dispatch = EstimateAssert.Op(e, "ep_dispatch");
        // Dispatch moves fp8 activations (DeepEP) when the experts are fp8: 7168 x 1 x 64 x 8.
        Assert.Equal(7168.0 * 64 * 8, dispatch.Bytes);
        Assert.Equal((EfficiencyOrigin.NicBandwidth, Bound.Network), (dispatch.Origin, dispatch.Bound));
    }
}
