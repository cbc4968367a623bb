using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

public sealed class MtpAndPipelineTests
{
    private static DecodeRequest DeepSeek(PipelineKind pipeline, int batch = 64, int mtp = 0) => new()
    {
        Model = Fixtures.DeepSeekV3,
        Hardware = SeedFixtures.H800,
        Nic = Fixtures.Cx7,
        Parallelism = new Parallelism(1, 144, 144),
        Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Fp8),
        Batch = batch,
        Context = 5120,
        Mtp = mtp,
        Pipeline = pipeline,
        Efficiency = EfficiencySource.Seed,
    };

    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.85)]
    [InlineData(2, 0.85 + 0.7225)]
    [InlineData(3, 0.85 + 0.7225 + 0.614125)]
    public void Accepted_tokens_are_the_sum_of_acceptance_powers(int mtp, double expected) =>
        Assert.Equal(expected, MtpMath.AcceptedTokens(mtp, 0.85), 12);

    [Fact]
    public void Mtp_multiplies_tokens_and_scales_ux_tps_and_throughput_as_seed_002()
    {
        var e = EstimateAssert.Ok(DeepSeek(PipelineKind.Naive, batch: 32, mtp: 1));
        // q_seq_len = 2: every projection sees 64 tokens, dispatch carries 64 x 8 token copies.
        Assert.Equal(64, EstimateAssert.Op(e, "q_a_proj", OperatorScope.MoeLayer).M);
        Assert.Equal(64.0 * 8 * 7168, EstimateAssert.Op(e, "ep_dispatch").Bytes);
        var raw = 1 / e.StepTime.Seconds;
        Assert.Equal(raw, e.RawTokensPerSecond, 9);
        Assert.Equal(raw * 1.85, e.UserTokensPerSecond, 9);
        Assert.Equal(raw * 32 * 1.85, e.ThroughputPerCard, 6);

        var accept = EstimateAssert.Ok(DeepSeek(PipelineKind.Naive, batch: 32, mtp: 1) with { MtpAcceptance = 0.5 });
        Assert.Equal(accept.RawTokensPerSecond * 1.5, accept.UserTokensPerSecond, 9);
    }

    [Fact]
    public void Naive_moe_layer_time_is_the_sum_of_its_operators()
    {
        var e = EstimateAssert.Ok(DeepSeek(PipelineKind.Naive));
        var sum = e.Operators.Where(o => o.Scope == OperatorScope.MoeLayer).Sum(o => o.Time.Seconds);
        Assert.Equal(sum, e.MoeLayerTime.Seconds, 15);
        Assert.Equal(1, e.MicroBatches);
    }

    [Fact]
    public void Dual_micro_batch_is_the_critical_path_of_one_micro_batch_times_two()
    {
        var e = EstimateAssert.Ok(DeepSeek(PipelineKind.DualMicroBatch, batch: 64));
        Assert.Equal(2, e.MicroBatches);
        var moe = e.Operators.Where(o => o.Scope == OperatorScope.MoeLayer).ToArray();
        // Operators are those of one micro-batch: 32 of the 64 sequences.
        Assert.Equal(32, moe.Single(o => o.Name == "q_a_proj").M);
        double Stage(MicroBatchStage s) => moe.Where(o => o.Stage == s).Sum(o => o.Time.Seconds);
        var critical = Math.Max(Stage(MicroBatchStage.AttentionProjections), Stage(MicroBatchStage.Dispatch))
            + Math.Max(Stage(MicroBatchStage.AttentionCore), Stage(MicroBatchStage.Combine))
            + Stage(MicroBatchStage.Experts);
        Assert.Equal(2 * critical, e.MoeLayerTime.Seconds, 15);
        Assert.True(e.MoeLayerTime < EstimateAssert.Ok(DeepSeek(PipelineKind.Naive, batch: 64)).MoeLayerTime);
    }

    [Fact]
    public void As_built_adds_dense_layers_and_the_head_while_the_seed_rule_multiplies_the_sparse_layer()
    {
        var built = EstimateAssert.Ok(DeepSeek(PipelineKind.Naive));
        var head = built.Operators.Where(o => o.Scope == OperatorScope.Model).Sum(o => o.Time.Seconds);
        Assert.Equal((built.MoeLayerTime.Seconds * 58) + (built.DenseLayerTime.Seconds * 3) + head, built.StepTime.Seconds, 12);

        var seed = EstimateAssert.Ok(DeepSeek(PipelineKind.Naive) with { Layers = LayerTreatment.SeedSparseTimesAllLayers });
        Assert.Equal(seed.MoeLayerTime.Seconds * 61, seed.StepTime.Seconds, 12);
        Assert.DoesNotContain(seed.Operators, o => o.Kind == OperatorKind.Elementwise || o.Scope != OperatorScope.MoeLayer);
        Assert.All(seed.Operators, o => Assert.Equal(61, o.Instances));
    }

    [Fact]
    public void Seed_naive_mode_feeds_mtp_rows_to_the_attention_core_and_the_wire_only()
    {
        // Seed 002's naive class, as its tables show: q_seq_len reaches FlashMLA and dispatch/combine, not the GEMMs.
        var e = EstimateAssert.Ok(DeepSeek(PipelineKind.Naive, batch: 32, mtp: 1) with { Layers = LayerTreatment.SeedSparseTimesAllLayers });
        Assert.Equal(32, EstimateAssert.Op(e, "q_a_proj").M);
        Assert.Equal(32 * 8, EstimateAssert.Op(e, "experts_gate_up").M);
        Assert.Equal(64.0 * 8 * 7168, EstimateAssert.Op(e, "ep_dispatch").Bytes);
        // FlashMLA: 2 x 32 seqs x 2 query rows x 128 heads x 5120 x 1088.
        Assert.Equal(2.0 * 32 * 2 * 128 * 5120 * 1088, EstimateAssert.Op(e, "mla_attention").Flops);

        // Its dual micro-batch class multiplies every token count (16 sequences x 2 per micro-batch).
        var dual = EstimateAssert.Ok(DeepSeek(PipelineKind.DualMicroBatch, batch: 32, mtp: 1) with { Layers = LayerTreatment.SeedSparseTimesAllLayers });
        Assert.Equal(32, EstimateAssert.Op(dual, "q_a_proj").M);
        Assert.Equal(32 * 8, EstimateAssert.Op(dual, "experts_gate_up").M);
    }

    [Fact]
    public void Dual_micro_batch_without_expert_parallelism_is_naive_with_a_note()
    {
        var outcome = DecodeEstimator.Estimate(new DecodeRequest { Model = Fixtures.Llama3_8B, Hardware = Fixtures.H100, Pipeline = PipelineKind.DualMicroBatch, Efficiency = EfficiencySource.Roofline });
        Assert.Equal(1, outcome.Estimate!.MicroBatches);
        Assert.Contains(outcome.Diagnostics, d => d.Message.Contains("nothing to overlap", StringComparison.Ordinal));
    }

    [Fact]
    public void Breakdown_adds_up_to_the_naive_step()
    {
        var e = EstimateAssert.Ok(new DecodeRequest { Model = Fixtures.QwQ32B, Hardware = Fixtures.H100, Batch = 8, Efficiency = EfficiencySource.Roofline });
        Assert.Equal(1.0, e.Breakdown().Sum(b => b.Share), 9);
    }
}
