using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Quantities;
using static PerfGate.Tests.Memory.MemoryFixtures;

namespace PerfGate.Tests.Memory;

/// <summary>
/// Seed 003: QwQ-32B on 4 x 910B3 with MindIE (npuDeviceIds [[4,5,6,7]], worldSize 4, maxSeqLen 2560, maxInputTokenLen 2048,
/// maxPrefillTokens 8192, maxBatchSize 200, maxIterTimes 512, cacheBlockSize 128). npu-smi under load: 53,492 MB used of
/// 65,536 per card, 50,195 MB of it by mindie_llm_backend; idle cards 3,347..3,357 MB.
/// </summary>
public sealed class Seed003Tests
{
    // Shared figures, per card (see WeightPlacementTests and RuntimeMemory):
    private const long Weights = 16_382_928_896;        // 8,191,464,448 parameters * 2 B
    private const long Activations = 507_510_784;       // 8,192 tokens * (2*5,120 + 3*6,912) * 2 B
    private const long Sampling = 243_302_400;          // 200 rows * 152,064 * 4 B * 2
    private const long Hccl = 268_435_456;              // one TP communicator * 2 * 128 MiB
    private const long SystemReserve = 3_520_069_632;   // 3,357 MiB (catalog: seed 003's largest idle reading)
    private const long Resident = Weights + Activations + Sampling + Hccl + SystemReserve; // 20,922,247,168
    private const long Capacity = 68_719_476_736;       // 65,536 MiB
    private const long Block = 8 * Bytes.MiB;           // 2 KV heads * 256 elements * 2 B * 64 layers * 128 tokens

    internal static MemoryRequest Seed(int npuMemSize, int maxPrefillBatchSize = 50) => new()
    {
        Model = QwQ32B,
        Hardware = Ascend910B3,
        Parallelism = MemoryParallelism.TensorParallel(4),
        NpuMemSize = npuMemSize,
        CacheBlockSize = 128,
        MaxSeqLen = 2560,
        MaxInputTokenLen = 2048,
        MaxIterTimes = 512,
        MaxPrefillTokens = 8192,
        MaxPrefillBatchSize = maxPrefillBatchSize,
        MaxBatchSize = 200,
        InputTokens = 60,
        OutputTokens = 512,
    };

    [Fact]
    public void Components_per_card_match_the_hand_calculation()
    {
        var b = MemoryBudgetCalculator.Compute(Seed(-1));
        var c = b.PerCard[0];
        Assert.Equal(4, b.PerCard.Count);
        Assert.Equal(Weights, c.Weights.Total.Value);
        Assert.Equal(Activations + Sampling, c.Runtime.Value);
        Assert.Equal(Hccl, c.Communication.Value);
        Assert.Equal(SystemReserve, c.System.Value);
        Assert.Equal(Capacity, c.Capacity.Value);
        Assert.Equal(Block, b.KvBytesPerBlock.Value);
    }

    [Fact]
    public void Auto_npuMemSize_takes_0_8_of_total_minus_what_is_resident()
    {
        // KV = floor(68,719,476,736 * 0.8) - 20,922,247,168 = 54,975,581,388 - 20,922,247,168 = 34,053,334,220 B (31.71 GiB);
        // blocks = floor(34,053,334,220 / 8,388,608) = 4,059; usable 4,058; per request ceil(2048/128) + ceil(512/128) = 20;
        // safe maxBatchSize = 4,058 / 20 = 202 >= 200: fits. Allocated 4,059 * 8 MiB = 34,049,359,872;
        // total = 20,922,247,168 + 34,049,359,872 = 54,971,607,040 B = 52,424.6 MiB (npu-smi: 53,492 MB).
        var b = MemoryBudgetCalculator.Compute(Seed(-1));
        Assert.Equal(4059, b.KvBlocks);
        Assert.Equal(4058, b.UsableKvBlocks);
        Assert.Equal(20, b.BlocksPerRequest);
        Assert.Equal(202, b.SafeMaxBatchSize);
        Assert.Equal(54_975_581_388 - Resident, b.PerCard[0].KvAvailable.Value);
        Assert.Equal(54_971_607_040, b.PerCard[0].Total.Value);
        Assert.Equal(MemoryVerdict.Fits, b.Verdict);
        Assert.DoesNotContain(b.Diagnostics, d => d.Severity == Severity.Error);

        // Against npu-smi: predicted 52,425 MiB used vs 53,492 read (-1,067 MiB, -2.0 %); process 49,068 vs 50,195 (-2.2 %).
        var predictedMiB = b.PerCard[0].Total.InMiB;
        Assert.InRange(predictedMiB / 53_492, 0.97, 1.0);
        Assert.InRange((b.PerCard[0].Total - b.PerCard[0].System).InMiB / 50_195, 0.97, 1.0);
    }

    [Fact]
    public void NpuMemSize_8_holds_51_worst_case_requests_so_maxBatchSize_200_risks_preemption()
    {
        // 8 GiB / 8 MiB = 1,024 blocks, 1,023 usable; 1,023 / 20 = 51 < 200. Seed-shaped requests (60 in, 512 out):
        // 1 + 4 = 5 blocks, 1,023 / 5 = 204 at once, far above the benchmark's concurrency 10: memory did not cause the batch-1 runs.
        var b = MemoryBudgetCalculator.Compute(Seed(8, maxPrefillBatchSize: 1));
        Assert.Equal(1024, b.KvBlocks);
        Assert.Equal(51, b.SafeMaxBatchSize);
        Assert.Equal(5, b.TypicalBlocksPerRequest);
        Assert.Equal(204, b.TypicalConcurrency);
        Assert.Equal(MemoryVerdict.PreemptionRisk, b.Verdict);
        Assert.Contains(b.Diagnostics, d => d.Id == DiagnosticIds.PreemptionRisk && d.Message.Contains("set maxBatchSize to 51", StringComparison.Ordinal));
        // total = resident + 8 GiB (sampling rows stay max(maxBatchSize 200, maxPrefillBatchSize 1) = 200): 29,512,181,760 B.
        Assert.Equal(Resident + (8 * Bytes.GiB), b.PerCard[0].Total.Value);
    }

    [Fact]
    public void NpuMemSize_35_fits_at_54_49_GiB_and_ignores_the_fraction()
    {
        // 35 GiB = 4,480 blocks, 4,479 usable, 223 worst-case requests; total = 20,922,247,168 + 37,580,963,840 = 58,503,211,008 B
        // = 54.49 GiB (55,793 MiB): 85 % of the card, above total * 0.8 = 51.2 GiB, which a fixed npuMemSize does not respect.
        var b = MemoryBudgetCalculator.Compute(Seed(35));
        Assert.Equal(4480, b.KvBlocks);
        Assert.Equal(223, b.SafeMaxBatchSize);
        Assert.Equal(58_503_211_008, b.PerCard[0].Total.Value);
        Assert.Equal(MemoryVerdict.Fits, b.Verdict);
        Assert.Contains(b.Diagnostics, d => d.Id == DiagnosticIds.DocumentationDisagreesWithCode && d.Message.Contains("read as GiB", StringComparison.Ordinal));
    }

    [Fact]
    public void Recommended_npuMemSize_is_31_by_the_manual_and_35_by_the_old_guide_which_is_what_the_seed_chose()
    {
        // Manual: floor((68,719,476,736 * 0.8 - 16,382,928,896 - 750,813,184 - 268,435,456 - 3,520,069,632) / 2^30)
        //       = floor(34,053,334,220.8 / 1,073,741,824) = floor(31.71) = 31.
        // Old guide: floor((68,719,476,736 - 3,520,069,632 - 16,382,928,896 - 750,813,184 - 268,435,456) * 0.8 / 2^30)
        //       = floor(47,797,229,568 * 0.8 / 1,073,741,824) = floor(35.61) = 35.
        var b = MemoryBudgetCalculator.Compute(Seed(-1));
        Assert.Equal(new RecommendedNpuMemSize(31, 35), b.RecommendedNpuMemSizeGiB);
    }
}
