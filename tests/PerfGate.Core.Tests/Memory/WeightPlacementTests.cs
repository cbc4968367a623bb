using PerfGate.Catalog;
using PerfGate.Memory;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using static PerfGate.Tests.Memory.MemoryFixtures;

namespace PerfGate.Tests.Memory;

public sealed class WeightPlacementTests
{
    [Fact]
    public void QwQ32B_on_one_card_holds_all_32_763_876_352_parameters()
    {
        // embed 152,064*5,120 = 778,567,680 (and as much for lm_head);
        // per layer: q 5,120*5,120 + k,v 2*5,120*1,024 + o 5,120*5,120 = 62,914,560, qkv bias 7,168,
        //            mlp 3*5,120*27,648 = 424,673,280, 2 norms 10,240 -> 487,605,248; * 64 = 31,206,735,872; final norm 5,120.
        // Total 31,206,735,872 + 2*778,567,680 + 5,120 = 32,763,876,352.
        var w = WeightPlacement.Compute(QwQ32B, MemoryParallelism.TensorParallel(1), DtypeSettings.Default, false).Single();
        Assert.Equal(32_763_876_352, w.Parameters);
        Assert.Equal(2 * 32_763_876_352, w.Total.Value);
    }

    [Fact]
    public void QwQ32B_tp4_shards_everything_but_norms()
    {
        // Per card: attention 15,728,640 + bias 1,792 + mlp 106,168,320 + norms 10,240 = 121,908,992 per layer * 64 = 7,802,175,488;
        // embed and lm_head ceil(152,064/4) = 38,016 rows * 5,120 = 194,641,920 each; final norm 5,120.
        // 7,802,175,488 + 389,283,840 + 5,120 = 8,191,464,448 parameters = 16,382,928,896 B (15.26 GiB) per card.
        // The four cards together exceed the model by 3 * (64 * 10,240 + 5,120) = 1,981,440 replicated norm parameters.
        var cards = WeightPlacement.Compute(QwQ32B, MemoryParallelism.TensorParallel(4), DtypeSettings.Default, false);
        Assert.Equal(4, cards.Count);
        Assert.All(cards, c => Assert.Equal(8_191_464_448, c.Parameters));
        Assert.Equal(16_382_928_896, cards[0].Total.Value);
        Assert.Equal(389_283_840, cards[0].Embedding.Value);
        Assert.Equal(32_763_876_352 + 1_981_440, cards.Sum(c => c.Parameters));
    }

    [Fact]
    public void Kv_projections_are_replicated_when_tp_exceeds_kv_heads()
    {
        // Llama-3-8B tp 16: q and o are 2 heads per rank, k and v keep ceil(max(8,16)/16) = 1 head each.
        // Attention per layer per card: 2 * 4,096 * 2 * 128 + 2 * 4,096 * 1 * 128 = 2,097,152 + 1,048,576 = 3,145,728.
        // Over 16 cards that is 50,331,648 per layer against 41,943,040 unsharded: the 8 KV heads are stored twice.
        var model = Llama3_8B;
        var tp16 = WeightPlacement.Compute(model, MemoryParallelism.TensorParallel(16), DtypeSettings.Default, false)[0];
        var tp1 = WeightPlacement.Compute(model, MemoryParallelism.TensorParallel(1), DtypeSettings.Default, false)[0];
        Assert.Equal(32L * 3_145_728 * 2, tp16.Attention.Value);
        Assert.Equal(32L * 41_943_040 * 2, tp1.Attention.Value);
    }

    [Fact]
    public void Experts_are_placed_ceil_or_floor_per_ep_rank()
    {
        // 10 experts over EP 4: ranks hold 3, 3, 2, 2; each expert 3 * 64 * 32 = 6,144 parameters, bf16, 2 MoE layers.
        var model = new ModelSpec
        {
            Id = "tiny-moe",
            Name = "tiny",
            Family = "qwen2-moe",
            Layers = 2,
            HiddenSize = 64,
            AttentionHeads = 4,
            KeyValueHeads = 4,
            HeadDim = 16,
            IntermediateSize = 128,
            VocabSize = 1000,
            Moe = new MoeSpec { RoutedExperts = 10, ExpertsPerToken = 2, ExpertIntermediateSize = 32 },
        };
        var cards = WeightPlacement.Compute(model, new MemoryParallelism(4, 4, 1, 1, 4), DtypeSettings.Default, false);
        Assert.Equal([3, 3, 2, 2], cards.Select(c => c.ExpertsPerLayer));
        Assert.Equal(2 * 3 * 6_144 * 2L, cards[0].Experts.Value);
        Assert.Equal(2 * 2 * 6_144 * 2L, cards[3].Experts.Value);
    }

    [Fact]
    public void DeepSeekV3_on_one_card_counts_671_billion_parameters_and_the_mtp_module_on_top()
    {
        // Main model 671,026,419,200 parameters (DeepSeek-V3 model card: 671B main + 14B MTP module incl. its own embed/head copies).
        var without = WeightPlacement.Compute(DeepSeekV3, MemoryParallelism.TensorParallel(1), DtypeSettings.Default, false)[0];
        Assert.Equal(671_026_419_200, without.Parameters);
        // MTP module: MLA attention q_a 11,010,048 + q_b 37,748,736 + kv_a 4,128,768 + kv_b 16,777,216 + o 117,440,512 = 187,105,280;
        // shared expert 3 * 7,168 * 2,048 = 44,040,192; routed experts 256 * 44,040,192 = 11,274,289,152; eh_proj 2 * 7,168^2 = 102,760,448;
        // small: q_a/kv_a norms 2,048 + 2 layer norms 14,336 + router 256 * 7,168 + 256 = 1,835,264 + enorm/hnorm/final norm 21,504 = 1,873,152.
        // Sum 11,610,068,224 (with the shared embedding and lm_head, 0.93B each, that is the "14B" MTP module of the model card).
        var with = WeightPlacement.Compute(DeepSeekV3, MemoryParallelism.TensorParallel(1), DtypeSettings.Default, true)[0];
        Assert.Equal(11_610_068_224, with.Parameters - without.Parameters);
    }

    [Fact]
    public void Int8_weights_keep_embeddings_and_norms_in_bf16()
    {
        // w8a8 QwQ-32B on one card: linears 31,206,735,872 - 64 * (7,168 + 10,240) = 31,205,621,760 at 1 B;
        // embed + lm_head 1,557,135,360 and norms/biases 64 * 17,408 + 5,120 = 1,119,232 at 2 B.
        var w = WeightPlacement.Compute(QwQ32B, MemoryParallelism.TensorParallel(1), new DtypeSettings(Weights: DataType.Int8), false)[0];
        Assert.Equal(31_205_621_760L + (2L * (1_557_135_360L + 1_119_232L)), w.Total.Value);
    }

    [Fact]
    public void On_one_card_every_catalog_model_holds_exactly_ModelParameters()
    {
        foreach (var model in BuiltInCatalog.Load().Models.Values)
        {
            var counts = ModelParameters.Compute(model);
            var without = WeightPlacement.Compute(model, MemoryParallelism.TensorParallel(1), DtypeSettings.Default, false)[0];
            var with = WeightPlacement.Compute(model, MemoryParallelism.TensorParallel(1), DtypeSettings.Default, true)[0];
            Assert.Equal(counts.Total, without.Parameters);
            Assert.Equal(counts.Total + (model.MtpLayers * counts.MtpParametersPerModule), with.Parameters);
        }
    }
}
