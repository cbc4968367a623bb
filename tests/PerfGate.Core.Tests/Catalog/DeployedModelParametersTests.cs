using PerfGate.Catalog;

namespace PerfGate.Tests.Catalog;

/// <summary>Exact counts of the models added for today's deployments, by hand from each HuggingFace config.json.</summary>
public sealed class DeployedModelParametersTests
{
    private static ModelParameterBreakdown Of(string id) => ModelParameters.Compute(BuiltInCatalog.Load().Models[id]);

    [Fact]
    public void Llama_3_1_8b_and_70b_keep_llama_3s_layout()
    {
        // Llama 3.1 changes rope scaling and the context length, not a single weight shape.
        Assert.Equal(8_030_261_248, Of("llama-3.1-8b").Total);
        Assert.Equal(70_553_706_496, Of("llama-3.1-70b").Total);
    }

    [Fact]
    public void Llama_3_1_405b()
    {
        // embed = lm_head = 128256 * 16384 = 2,101,346,304
        // attention = 16384*16384 (q) + 2 * 16384*1024 (k, v) + 16384*16384 (o) = 570,425,344
        // mlp = 3 * 16384 * 53248 = 2,617,245,696; norms = 2 * 16384 = 32,768
        // layer = 3,187,703,808; 126 layers = 401,650,679,808
        // total = 401,650,679,808 + 2 * 2,101,346,304 + 16,384 = 405,853,388,800 (Meta's "405B")
        var p = Of("llama-3.1-405b");
        Assert.Equal(570_425_344, p.AttentionPerLayer);
        Assert.Equal(2_617_245_696, p.DenseMlpPerLayer);
        Assert.Equal(405_853_388_800, p.Total);
    }

    [Fact]
    public void Qwen2_5_7b()
    {
        // embed = lm_head = 152064 * 3584 = 544,997,376
        // attention = 2 * 3584^2 + 2 * 3584*512 + biases (3584 + 2*512) = 29,364,736
        // mlp = 3 * 3584 * 18944 = 203,685,888; norms 7,168; layer = 233,057,792; 28 layers = 6,525,618,176
        // total = 6,525,618,176 + 1,089,994,752 + 3,584 = 7,615,616,512 (Qwen's "7.61B")
        var p = Of("qwen2.5-7b");
        Assert.Equal(29_364_736, p.AttentionPerLayer);
        Assert.Equal(7_615_616_512, p.Total);
    }

    [Fact]
    public void Qwen2_5_32b_and_72b_share_qwq_32b_and_qwen2_72b_shapes()
    {
        // Qwen2.5-32B's config is QwQ-32B's (QwQ is fine-tuned from it); Qwen2.5-72B's is Qwen2-72B's.
        Assert.Equal(32_763_876_352, Of("qwen2.5-32b").Total);
        Assert.Equal(72_706_203_648, Of("qwen2.5-72b").Total);
    }

    [Fact]
    public void Qwen3_30b_a3b()
    {
        // attention = 2048*4096 (q) + 2 * 2048*512 (k, v) + 4096*2048 (o) + q_norm, k_norm 2*128 = 18,874,624
        // one expert = 3 * 2048 * 768 = 4,718,592; 128 experts = 603,979,776; router 2048*128 = 262,144; norms 4,096
        // layer = 623,120,640; 48 layers = 29,909,790,720
        // embed = lm_head = 151936 * 2048 = 311,164,928
        // total = 29,909,790,720 + 622,329,856 + 2,048 = 30,532,122,624 (Qwen's "30.5B")
        // activated = total - 48 * 120 * 4,718,592 (27,179,089,920) = 3,353,032,704 (the "A3B", Qwen's "3.3B")
        var p = Of("qwen3-30b-a3b");
        Assert.Equal(18_874_624, p.AttentionPerLayer);
        Assert.Equal(4_718_592, p.ParametersPerExpert);
        Assert.Equal(0, p.SharedExpertsPerLayer);
        Assert.Equal(30_532_122_624, p.Total);
        Assert.Equal(3_353_032_704, p.ActivatedPerToken);
    }

    [Fact]
    public void Qwen3_235b_a22b()
    {
        // attention = 4096*8192 + 2 * 4096*512 + 8192*4096 + 2*128 = 71,303,424
        // one expert = 3 * 4096 * 1536 = 18,874,368; 128 experts = 2,415,919,104; router 4096*128 = 524,288; norms 8,192
        // layer = 2,487,755,008; 94 layers = 233,848,970,752
        // embed = lm_head = 151936 * 4096 = 622,329,856
        // total = 233,848,970,752 + 1,244,659,712 + 4,096 = 235,093,634,560 (the "235B")
        // activated = total - 94 * 120 * 18,874,368 (212,902,871,040) = 22,190,763,520 (the "A22B")
        var p = Of("qwen3-235b-a22b");
        Assert.Equal(71_303_424, p.AttentionPerLayer);
        Assert.Equal(235_093_634_560, p.Total);
        Assert.Equal(22_190_763_520, p.ActivatedPerToken);
    }

    [Fact]
    public void Deepseek_r1_is_deepseek_v3s_architecture()
    {
        var p = Of("deepseek-r1");
        Assert.Equal(671_026_419_200, p.Total);
        Assert.Equal(37_552_297_472, p.ActivatedPerToken);
        Assert.Equal(11_610_068_224, p.MtpParametersPerModule);
    }

    [Fact]
    public void Every_model_cites_its_huggingface_config()
    {
        foreach (var id in new[] { "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "qwen2.5-7b", "qwen2.5-32b", "qwen2.5-72b", "qwen3-30b-a3b", "qwen3-235b-a22b", "deepseek-r1" })
        {
            var m = BuiltInCatalog.Load().Models[id];
            Assert.StartsWith("https://huggingface.co/", m.Sources.For("layers"), StringComparison.Ordinal);
            Assert.EndsWith("/blob/main/config.json", m.Sources.For("vocabSize"), StringComparison.Ordinal);
        }
    }
}
