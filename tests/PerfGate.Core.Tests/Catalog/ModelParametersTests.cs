using PerfGate.Catalog;

namespace PerfGate.Tests.Catalog;

public sealed class ModelParametersTests
{
    private static ModelParameterBreakdown Of(string id) => ModelParameters.Compute(BuiltInCatalog.Load().Models[id]);

    [Fact]
    public void Llama_3_8b()
    {
        // embed = lm_head = 128256 * 4096 = 525,336,576
        // attention = 4096*4096 (q) + 2 * 4096*1024 (k, v) + 4096*4096 (o) = 41,943,040
        // mlp = 3 * 4096 * 14336 = 176,160,768; norms = 2 * 4096 = 8,192
        // layer = 218,112,000; 32 layers = 6,979,584,000
        // total = 6,979,584,000 + 2 * 525,336,576 + 4,096 = 8,030,261,248
        var p = Of("llama-3-8b");
        Assert.Equal(525_336_576, p.Embedding);
        Assert.Equal(41_943_040, p.AttentionPerLayer);
        Assert.Equal(176_160_768, p.DenseMlpPerLayer);
        Assert.Equal(8_030_261_248, p.Total);
        Assert.Equal(p.Total, p.ActivatedPerToken);
    }

    [Fact]
    public void Llama_3_70b()
    {
        // embed = lm_head = 128256 * 8192 = 1,050,673,152
        // attention = 2 * 8192^2 + 2 * 8192*1024 = 150,994,944; mlp = 3 * 8192 * 28672 = 704,643,072; norms 16,384
        // layer = 855,654,400; 80 layers = 68,452,352,000
        // total = 68,452,352,000 + 2,101,346,304 + 8,192 = 70,553,706,496
        Assert.Equal(70_553_706_496, Of("llama-3-70b").Total);
    }

    [Fact]
    public void Qwq_32b()
    {
        // embed = lm_head = 152064 * 5120 = 778,567,680
        // attention = 2 * 5120^2 + 2 * 5120*1024 + biases (5120 + 2*1024) = 62,921,728
        // mlp = 3 * 5120 * 27648 = 424,673,280; norms = 10,240; layer = 487,605,248; 64 layers = 31,206,735,872
        // total = 31,206,735,872 + 1,557,135,360 + 5,120 = 32,763,876,352
        var p = Of("qwq-32b");
        Assert.Equal(62_921_728, p.AttentionPerLayer);
        Assert.Equal(32_763_876_352, p.Total);
    }

    [Fact]
    public void Qwen2_72b()
    {
        // embed = lm_head = 152064 * 8192 = 1,245,708,288
        // attention = 2 * 8192^2 + 2 * 8192*1024 + (8192 + 2*1024) = 151,005,184
        // mlp = 3 * 8192 * 29568 = 726,663,168; norms 16,384; layer = 877,684,736; 80 layers = 70,214,778,880
        // total = 70,214,778,880 + 2,491,416,576 + 8,192 = 72,706,203,648
        Assert.Equal(72_706_203_648, Of("qwen2-72b").Total);
    }

    [Fact]
    public void Qwen2_57b_a14b()
    {
        // embed = lm_head = 151936 * 3584 = 544,538,624
        // attention = 2 * 3584^2 + 2 * 3584*512 + (3584 + 2*512) = 29,364,736
        // router = 3584 * 64 = 229,376; one expert = 3 * 3584 * 2560 = 27,525,120; 64 experts = 1,761,607,680
        // shared expert = 3 * 3584 * 20480 = 220,200,960, plus its gate 3584 = 220,204,544; norms 7,168
        // layer = 2,011,413,504; 28 layers = 56,319,578,112
        // total = 56,319,578,112 + 1,089,077,248 + 3,584 = 57,408,658,944
        // activated: each layer drops 56 idle experts (56 * 27,525,120 = 1,541,406,720):
        // 57,408,658,944 - 28 * 1,541,406,720 = 14,249,270,784 (the "A14B")
        var p = Of("qwen2-57b-a14b");
        Assert.Equal(29_364_736, p.AttentionPerLayer);
        Assert.Equal(27_525_120, p.ParametersPerExpert);
        Assert.Equal(220_204_544, p.SharedExpertsPerLayer);
        Assert.Equal(229_376, p.RouterPerLayer);
        Assert.Equal(57_408_658_944, p.Total);
        Assert.Equal(14_249_270_784, p.ActivatedPerToken);
    }

    [Fact]
    public void Deepseek_v3()
    {
        // MLA attention per layer:
        //   q_a 7168*1536 = 11,010,048; q_a_norm 1,536; q_b 1536*128*192 = 37,748,736
        //   kv_a 7168*576 = 4,128,768; kv_a_norm 512; kv_b 512*128*256 = 16,777,216; o 128*128*7168 = 117,440,512
        //   = 187,107,328
        // dense layer (3 of them) = 187,107,328 + 14,336 + 3*7168*18432 (396,361,728) = 583,483,392
        // MoE layer (58): experts 256 * 3*7168*2048 (44,040,192) = 11,274,289,152; shared 44,040,192;
        //   router 7168*256 + 256 bias = 1,835,264 -> 187,107,328 + 14,336 + 11,274,289,152 + 44,040,192 + 1,835,264 = 11,507,286,272
        // total = 3 * 583,483,392 + 58 * 11,507,286,272 + 2 * 129280*7168 (926,679,040) + 7,168 = 671,026,419,200
        // activated = total - 58 * 248 * 44,040,192 = 37,552,297,472 (about 37.5B)
        var p = Of("deepseek-v3");
        Assert.Equal(187_107_328, p.AttentionPerLayer);
        Assert.Equal(3, p.DenseLayers);
        Assert.Equal(58, p.MoeLayers);
        Assert.Equal(44_040_192, p.ParametersPerExpert);
        Assert.Equal(1_835_264, p.RouterPerLayer);
        Assert.Equal(11_507_286_272, p.MoeLayerTotal);
        Assert.Equal(671_026_419_200, p.Total);
        Assert.Equal(37_552_297_472, p.ActivatedPerToken);
        // MTP module: 3 norms (21,504) + eh_proj 2*7168*7168 (102,760,448) + one MoE layer = 11,610,068,224.
        Assert.Equal(11_610_068_224, p.MtpParametersPerModule);
    }

    [Fact]
    public void Components_add_up_to_the_total()
    {
        foreach (var model in BuiltInCatalog.Load().Models.Values)
        {
            var p = ModelParameters.Compute(model);
            Assert.Equal(p.Total, p.Components.Sum(c => c.Value));
            Assert.Equal(p.Total, p.NonExpert + p.RoutedExperts);
        }
    }

    [Fact]
    public void Tied_embeddings_have_no_separate_head()
    {
        var tied = BuiltInCatalog.Load().Models["llama-3-8b"] with { TiedEmbeddings = true };
        Assert.Equal(8_030_261_248 - 525_336_576, ModelParameters.Total(tied));
    }

    [Fact]
    public void Counts_that_overflow_are_refused_not_wrapped()
    {
        var huge = BuiltInCatalog.Load().Models["deepseek-v3"] with { HiddenSize = int.MaxValue, Layers = int.MaxValue };
        Assert.False(ModelParameters.TryCompute(huge, out _));
        Assert.Throws<OverflowException>(() => ModelParameters.Compute(huge));
        Assert.Throws<OverflowException>(() => ModelParameters.Compute(huge)); // refused again, never remembered as counted
    }

    [Fact]
    public void A_model_is_counted_once_and_a_changed_copy_is_counted_anew()
    {
        var model = BuiltInCatalog.Load().Models["qwen2-72b"];
        var first = ModelParameters.Compute(model);
        Assert.Same(first, ModelParameters.Compute(model));

        var deeper = model with { Layers = model.Layers + 1 };
        var other = ModelParameters.Compute(deeper);
        Assert.NotSame(first, other);
        Assert.Equal(first.Total + first.DenseLayerTotal, other.Total);
    }

    [Fact]
    public void A_model_document_too_large_to_count_is_an_error()
    {
        var yaml = "kind: model\nid: big\nname: Big\nfamily: llama\nlayers: 2000000000\nhiddenSize: 2000000000\nattentionHeads: 1\nkeyValueHeads: 1\nheadDim: 1\nintermediateSize: 2000000000\nvocabSize: 1\nsource: x\n";
        var (doc, d) = CatalogDocumentReader.Load(yaml, "big.yaml", null);
        Assert.Null(doc);
        Assert.Equal("big.yaml(1,1): error PG2005: " + "the model's parameter count does not fit in 64 bits; check layers, hiddenSize, vocabSize, intermediateSize and the expert figures", Assert.Single(d).ToCanonicalString());
    }
}
