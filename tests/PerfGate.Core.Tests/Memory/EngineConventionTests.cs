using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using static PerfGate.Tests.Memory.MemoryFixtures;

namespace PerfGate.Tests.Memory;

public sealed class EngineConventionTests
{
    // Llama-3-8B on one H100 (81,559 MiB = 85,520,809,984 B, no system reserve in the fixture), bf16, tp 1:
    private const long Capacity = 81_559 * Bytes.MiB;
    private const long Weights = 16_060_522_496;            // 8,030,261,248 parameters * 2 B
    private const long Runtime = 838_860_800 + 262_668_288;  // 8,192 * (2*4,096 + 3*14,336) * 2 B + 256 * 128,256 * 4 * 2
    private const long Block16 = 2 * Bytes.MiB;             // 8 KV heads * 256 * 2 B * 32 layers * 16 tokens

    private static MemoryRequest Llama(IEngineConvention engine, double fraction, int? blockSize = 16) => new()
    {
        Model = Llama3_8B,
        Hardware = H100,
        Parallelism = MemoryParallelism.TensorParallel(1),
        Engine = engine,
        MemoryFraction = fraction,
        CacheBlockSize = blockSize,
        MaxSeqLen = 8192,
        MaxInputTokenLen = 4096,
        MaxIterTimes = 4096,
        MaxPrefillTokens = 8192,
        MaxBatchSize = 256,
        MaxPrefillBatchSize = 50,
    };

    [Fact]
    public void Vllm_takes_utilization_of_total_minus_weights_and_profiled_peak()
    {
        // KV = floor(85,520,809,984 * 0.9) - 16,060,522,496 - 1,101,529,088 = 76,968,728,985 - 17,162,051,584 = 59,806,677,401;
        // blocks = floor(59,806,677,401 / 2,097,152) = 28,518; the null block leaves 28,517.
        var b = MemoryBudgetCalculator.Compute(Llama(MemoryEngines.Find("vllm")!, 0.9));
        Assert.Equal(Weights, b.PerCard[0].Weights.Total.Value);
        Assert.Equal(Runtime, b.PerCard[0].Runtime.Value);
        Assert.Equal((long)Math.Floor(Capacity * 0.9) - Weights - Runtime, b.PerCard[0].KvAvailable.Value);
        Assert.Equal(28_518, b.KvBlocks);
        Assert.Equal(28_517, b.UsableKvBlocks);
        // per request 4,096/16 + 4,096/16 = 512 blocks; 28,517 / 512 = 55 < 256.
        Assert.Equal(512, b.BlocksPerRequest);
        Assert.Equal(55, b.SafeMaxBatchSize);
    }

    [Fact]
    public void Sglang_fraction_covers_weights_and_kv_only()
    {
        // KV = floor(85,520,809,984 * 0.85) - 16,060,522,496 = 72,692,688,486 - 16,060,522,496 = 56,632,165,990 B;
        // page size 1: tokens = floor(56,632,165,990 / 131,072) = 432,069 (131,072 B = 8 heads * 256 * 2 B * 32 layers).
        var b = MemoryBudgetCalculator.Compute(Llama(MemoryEngines.Find("sglang")!, 0.85, blockSize: null));
        Assert.Equal(1, b.Settings.CacheBlockSize);
        Assert.Equal(131_072, b.KvBytesPerBlock.Value);
        Assert.Equal((long)Math.Floor(Capacity * 0.85) - Weights, b.PerCard[0].KvAvailable.Value);
        Assert.Equal(432_069, b.KvBlocks);
        Assert.Equal(432_069, b.UsableKvBlocks);
    }

    [Fact]
    public void TensorRtLlm_fraction_is_of_the_memory_free_after_load()
    {
        // KV = floor(0.9 * (85,520,809,984 - 16,060,522,496 - 1,101,529,088)) = floor(0.9 * 68,358,758,400) = 61,522,882,560;
        // 32 tokens per block: 4 MiB blocks -> floor(61,522,882,560 / 4,194,304) = 14,668.
        var b = MemoryBudgetCalculator.Compute(Llama(MemoryEngines.Find("tensorrt-llm")!, 0.9, blockSize: null));
        Assert.Equal(32, b.Settings.CacheBlockSize);
        Assert.Equal(61_522_882_560, b.PerCard[0].KvAvailable.Value);
        Assert.Equal(14_668, b.KvBlocks);
    }

    [Fact]
    public void Qwen25_72B_tp8_26_GiB_gives_5324_blocks_and_266_requests()
    {
        // memory-budgets.md 1.4: 26 GiB / 5 MiB = 5,324.8 -> 5,324 blocks; 5,323 usable / (2048/128 + 512/128 = 20) = 266.
        var r = new MemoryRequest
        {
            Model = Qwen25_72B,
            Hardware = Ascend910B3,
            Parallelism = MemoryParallelism.TensorParallel(8),
            NpuMemSize = 26,
            MaxSeqLen = 2560,
            MaxInputTokenLen = 2048,
            MaxIterTimes = 512,
        };
        var b = MemoryBudgetCalculator.Compute(r);
        Assert.Equal(5 * Bytes.MiB, b.KvBytesPerBlock.Value);
        Assert.Equal(5324, b.KvBlocks);
        Assert.Equal(266, b.SafeMaxBatchSize);
    }

    [Fact]
    public void Data_parallel_reserves_a_second_block()
    {
        // Qwen2.5-72B tp 4 x dp 2 on 8 cards: 2 KV heads per rank -> 10 MiB blocks; 26 GiB -> 2,662 blocks, minus 2 reserved = 2,660.
        var r = new MemoryRequest
        {
            Model = Qwen25_72B,
            Hardware = Ascend910B3,
            Parallelism = new MemoryParallelism(8, 4, 2),
            NpuMemSize = 26,
        };
        var b = MemoryBudgetCalculator.Compute(r);
        Assert.Equal(10 * Bytes.MiB, b.KvBytesPerBlock.Value);
        Assert.Equal(2662, b.KvBlocks);
        Assert.Equal(2660, b.UsableKvBlocks);
        Assert.Equal(["tp", "dp"], b.CommunicationGroups.Select(g => g.Name));
    }

    [Fact]
    public void Fixed_npuMemSize_beyond_the_card_is_an_out_of_memory_risk_with_the_excess()
    {
        // Seed 003 deployment with npuMemSize 50: 20,922,247,168 + 53,687,091,200 = 74,609,338,368 B > 68,719,476,736 by 5,889,861,632 B = 5.49 GiB.
        var b = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(50));
        Assert.Equal(MemoryVerdict.OutOfMemoryRisk, b.Verdict);
        Assert.Equal(-5_889_861_632, b.PerCard[0].Free.Value);
        var d = Assert.Single(b.Diagnostics, d => d.Id == DiagnosticIds.OutOfMemoryRisk);
        Assert.Equal(Severity.Error, d.Severity);
        Assert.Contains("over by 5.49 GiB", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_bigger_than_the_cards_does_not_fit()
    {
        // Qwen2.5-72B on one 910B3: 145 GB of weights on a 64 GiB card.
        var r = new MemoryRequest { Model = Qwen25_72B, Hardware = Ascend910B3, Parallelism = MemoryParallelism.TensorParallel(1) };
        var b = MemoryBudgetCalculator.Compute(r);
        Assert.Equal(MemoryVerdict.DoesNotFit, b.Verdict);
        var d = Assert.Single(b.Diagnostics, d => d.Id == DiagnosticIds.ModelDoesNotFit);
        Assert.Contains("use more cards", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Auto_mode_with_too_small_a_fraction_fails_warm_up()
    {
        // Seed 003 at NPU_MEMORY_FRACTION 0.3: 64 GiB * 0.3 = 19.2 GiB < 19.49 GiB resident: no KV at all. It needs
        // (20,922,247,168 + 21 blocks * 8 MiB) / 68,719,476,736 = 0.307 -> 0.31.
        var b = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(-1) with { MemoryFraction = 0.3 });
        Assert.Equal(MemoryVerdict.DoesNotFit, b.Verdict);
        var d = Assert.Single(b.Diagnostics, d => d.Id == DiagnosticIds.ModelDoesNotFit);
        Assert.Contains("raise the memory fraction to at least 0.31", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NpuMemSize_zero_is_invalid_and_points_at_the_key()
    {
        var at = new SourceLocation("config.json", 27, 11);
        var r = Seed003Tests.Seed(0) with { KeyLocations = new Dictionary<string, SourceLocation> { ["npuMemSize"] = at } };
        var b = MemoryBudgetCalculator.Compute(r);
        Assert.Equal(MemoryVerdict.InvalidConfig, b.Verdict);
        var d = Assert.Single(b.Diagnostics);
        Assert.Equal("config.json(27,11): error PG4003: npuMemSize 0 is invalid; use -1 (automatic, from NPU_MEMORY_FRACTION) or the KV cache size per NPU in GiB", d.ToCanonicalString());
    }

    [Theory]
    [InlineData(100, "not a multiple of 16")]
    [InlineData(256, "out of MindIE's range [1, 128]")]
    public void CacheBlockSize_follows_mindie_checks(int blockSize, string expected)
    {
        var b = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8) with { CacheBlockSize = blockSize });
        Assert.Contains(b.Diagnostics, d => d.Id == DiagnosticIds.EngineParameterOutOfRange && d.Message.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void MaxPrefillTokens_below_maxInputTokenLen_is_rejected_unless_mix()
    {
        var standard = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8) with { MaxPrefillTokens = 1024 });
        var mix = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8) with { MaxPrefillTokens = 1024, TemplateType = "Mix" });
        Assert.Contains(standard.Diagnostics, d => d.Message.Contains("maxPrefillTokens 1024 is less than maxInputTokenLen 2048", StringComparison.Ordinal));
        Assert.DoesNotContain(mix.Diagnostics, d => d.Id == DiagnosticIds.EngineParameterOutOfRange);
    }

    [Fact]
    public void Tp_times_dp_must_equal_world_size()
    {
        var b = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8) with { Parallelism = new MemoryParallelism(4, 2, 1) });
        Assert.Contains(b.Diagnostics, d => d.Message.Contains("tp 2 x dp 1 = 2 does not equal worldSize 4", StringComparison.Ordinal));
    }

    [Fact]
    public void Manual_block_formula_with_attention_heads_is_flagged_for_gqa()
    {
        // QwQ-32B has 40 heads but 8 KV heads: the manual's formula (40/4 = 10 heads per card) gives 5x bigger blocks (40 MiB)
        // and 8 GiB / 40 MiB = 204 blocks where the code makes 1,024.
        var b = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8));
        var d = Assert.Single(b.Diagnostics, d => d.Message.Contains("TotalBlockNum", StringComparison.Ordinal));
        Assert.Equal(DiagnosticIds.DocumentationDisagreesWithCode, d.Id);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Contains("(204 blocks of 40 MiB)", d.Message, StringComparison.Ordinal);
        Assert.Contains("(1024 blocks of 8 MiB)", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepSeekV3_ep_places_ceil_experts_and_budgets_moe_groups()
    {
        // 16 x 910B3 (2 nodes), w8a8, attention tp 4 x dp 4, moe_ep 16, moe_tp 1: 256 / 16 = 16 experts per card.
        var r = new MemoryRequest
        {
            Model = DeepSeekV3,
            Hardware = Ascend910B3,
            Parallelism = new MemoryParallelism(16, 4, 4, 1, 16),
            Dtypes = new DtypeSettings(Weights: DataType.Int8),
            NpuMemSize = 8,
        };
        var b = MemoryBudgetCalculator.Compute(r);
        Assert.All(b.PerCard, c => Assert.Equal(16, c.Weights.ExpertsPerLayer));
        // Groups: tp 4, dp 4, moe_ep 16 (moe_tp 1 has none): 2 * (128 + 128 + 256) MiB = 1 GiB.
        Assert.Equal(["tp", "dp", "moe_ep"], b.CommunicationGroups.Select(g => g.Name));
        Assert.Equal(Bytes.GiB, b.PerCard[0].Communication.Value);
        // MLA KV is one latent per rank: 61 layers * 1,152 B * 128 = 8,994,816 B per block.
        Assert.Equal(8_994_816, b.KvBytesPerBlock.Value);
    }

    [Fact]
    public void Tp_16_above_8_kv_heads_budgets_one_replicated_head_per_card()
    {
        // Llama-3-8B on 16 x 910B3, npuMemSize 8: one KV head per card (not 0.5): 512 B per token per layer * 32 layers * 128
        // = 2 MiB blocks -> 8 GiB / 2 MiB = 4,096 blocks. With 8 heads spread as if divisible (0.5 per card) it would be 8,192.
        var r = new MemoryRequest { Model = Llama3_8B, Hardware = Ascend910B3, Parallelism = MemoryParallelism.TensorParallel(16), NpuMemSize = 8 };
        var b = MemoryBudgetCalculator.Compute(r);
        Assert.Equal(1, b.Kv!.KvHeadsPerRank);
        Assert.Equal(2 * Bytes.MiB, b.KvBytesPerBlock.Value);
        Assert.Equal(4096, b.KvBlocks);
    }
}
