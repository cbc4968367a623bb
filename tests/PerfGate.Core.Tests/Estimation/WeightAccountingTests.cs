using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

/// <summary>The resident weights of the operator list add up to the model's parameters x element size.</summary>
public sealed class WeightAccountingTests
{
    private static long Weights(DecodeRequest r) => DecodeEstimator.Estimate(r).Estimate!.Memory.WeightBytesPerCard.Value;

    [Fact]
    public void Llama_3_8b_is_8_030_261_248_parameters()
    {
        // Embedding and lm_head 2 x 128,256 x 4096 = 1,050,673,152; per layer q 16,777,216 + k,v 8,388,608
        // + o 16,777,216 + MLP 3 x 4096 x 14,336 = 176,160,768 + norms 8192 = 218,112,000, x 32 = 6,979,584,000;
        // final norm 4096. Total 8,030,261,248 (the published parameter count), x 2 bytes.
        Assert.Equal(8_030_261_248L * 2, Weights(new DecodeRequest { Model = Fixtures.Llama3_8B, Hardware = Fixtures.H100 }));
    }

    [Fact]
    public void Qwq_32b_is_32_763_876_352_parameters_with_qkv_bias()
    {
        // Embedding and lm_head 2 x 152,064 x 5120 = 1,557,135,360; per layer q 26,214,400 + 5120 bias, k,v 10,485,760
        // + 2048 bias, o 26,214,400, MLP 3 x 5120 x 27,648 = 424,673,280, norms 10,240: 487,605,248 x 64 = 31,206,735,872;
        // final norm 5120. Total 32,763,876,352.
        Assert.Equal(32_763_876_352L * 2, Weights(new DecodeRequest { Model = Fixtures.QwQ32B, Hardware = Fixtures.H100 }));
    }

    [Fact]
    public void Deepseek_v3_is_671_026_419_200_parameters()
    {
        // Attention per layer: q_a 11,010,048 + q_a_norm 1536 + q_b 37,748,736 + kv_a 4,128,768 + kv_a_norm 512
        // + kv_b 16,777,216 + o 117,440,512 + 2 norms 14,336 = 187,121,664, x 61 = 11,414,421,504.
        // Dense MLP 3 x 7168 x 18,432 x 3 layers = 1,189,085,184. MoE layer: router 1,835,008 + bias 256, shared
        // 44,040,192, 256 experts 11,274,289,152: 11,320,164,608 x 58 = 656,569,547,264. Embedding + lm_head
        // 1,853,358,080, final norm 7168. Total 671,026,419,200 (DeepSeek-V3 without its MTP module).
        var r = new DecodeRequest { Model = Fixtures.DeepSeekV3, Hardware = SeedFixtures.H800, Context = 0 };
        Assert.Equal(671_026_419_200L * 2, Weights(r));

        // fp8 routed experts (256 x 44,040,192 x 58 = 653,908,770,816 bytes), bf16 for the other 17,117,648,384.
        var mixed = r with { Dtypes = new DtypeSettings(DataType.Fp8, DataType.Bf16, DataType.Bf16, DataType.Bf16) };
        Assert.Equal(653_908_770_816L + (17_117_648_384L * 2), Weights(mixed));

        // EP 256 over 256 cards: one expert per card, 58 x 44,040,192 = 2,554,331,136 expert bytes.
        var ep = mixed with { Parallelism = new Parallelism(1, 256, 256), Nic = Fixtures.Cx7 };
        Assert.Equal(2_554_331_136L + (17_117_648_384L * 2), Weights(ep));
    }

    [Fact]
    public void The_seed_layer_rule_holds_the_same_weights_as_the_whole_operator_list()
    {
        // Under seed 002's layer rule the estimator builds only the MoE layer and takes the weights from the whole
        // list built once per geometry; they must be the as-built weights, whatever the batch, MTP and pipeline.
        foreach (var pipeline in new[] { PipelineKind.Naive, PipelineKind.DualMicroBatch })
        {
            foreach (var (batch, mtp) in new[] { (1, 0), (64, 1), (128, 2) })
            {
                var asBuilt = new DecodeRequest
                {
                    Model = Fixtures.DeepSeekV3,
                    Hardware = SeedFixtures.H800,
                    Nic = Fixtures.Cx7,
                    Parallelism = new Parallelism(1, 144, 144),
                    Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8, DataType.Bf16, DataType.Fp8),
                    Batch = batch,
                    Mtp = mtp,
                    Pipeline = pipeline,
                    Efficiency = EfficiencySource.Seed,
                };
                var seed = asBuilt with { Layers = LayerTreatment.SeedSparseTimesAllLayers };
                Assert.Equal(Weights(asBuilt), Weights(seed));
                Assert.Equal(DecodeEstimator.Estimate(asBuilt).Estimate!.Memory, DecodeEstimator.Estimate(seed).Estimate!.Memory);
            }
        }
    }

    public static TheoryData<string> BuiltInModels => [.. BuiltInCatalog.Load().Models.Keys.Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(BuiltInModels))]
    public void Every_built_in_model_matches_ModelParameters(string id)
    {
        // Sum over operators of resident weight bytes x layers = parameters x 2 bytes (bf16, one card), and with fp8
        // routed experts the experts count once per byte.
        var model = BuiltInCatalog.Load().Models[id];
        var r = new DecodeRequest { Model = model, Hardware = Fixtures.H100, Context = 0 };
        Assert.Equal(ModelParameters.Total(model) * 2, Weights(r));
        if (model.Moe is { } moe)
        {
            var p = ModelParameters.Compute(model);
            var experts = p.RoutedExpertsPerLayer * p.MoeLayers;
            var fp8 = r with { Dtypes = new DtypeSettings(DataType.Fp8, DataType.Bf16, DataType.Bf16, DataType.Bf16) };
            Assert.Equal(experts + ((p.Total - experts) * 2), Weights(fp8));
            Assert.True(moe.RoutedExperts > 0);
        }
    }

    [Fact]
    public void Kv_bytes_per_token_follow_the_attention_layout()
    {
        // Llama-3-8B: 32 layers x K and V x 8 heads x 128 x 2 B = 131,072 (128 KiB).
        var llama = DecodeEstimator.Estimate(new DecodeRequest { Model = Fixtures.Llama3_8B, Hardware = Fixtures.H100, Context = 4096 }).Estimate!;
        Assert.Equal(131_072, llama.Memory.KvBytesPerToken.Value);
        Assert.Equal(131_072L * 4096, llama.Memory.KvBytesPerSequence.Value);
        // Max batch: (81,559 MiB - 16,060,522,496 B weights) / 536,870,912 B per sequence = 129.
        Assert.Equal((int)(((81_559L << 20) - 16_060_522_496L) / 536_870_912L), llama.Memory.MaxBatch);

        // DeepSeek-V3 MLA, fp8 KV: 61 layers x 576 x 1 B = 35,136 bytes per token.
        var ds = DecodeEstimator.Estimate(new DecodeRequest
        {
            Model = Fixtures.DeepSeekV3,
            Hardware = SeedFixtures.H800,
            Nic = Fixtures.Cx7,
            Parallelism = new Parallelism(1, 256, 256),
            Dtypes = new DtypeSettings(DataType.Fp8, DataType.Fp8),
            Context = 5120,
        }).Estimate!;
        Assert.Equal(35_136, ds.Memory.KvBytesPerToken.Value);
    }
}
