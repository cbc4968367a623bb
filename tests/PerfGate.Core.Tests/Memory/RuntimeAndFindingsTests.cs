using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using static PerfGate.Tests.Memory.MemoryFixtures;

namespace PerfGate.Tests.Memory;

public sealed class RuntimeAndFindingsTests
{
    [Fact]
    public void Runtime_for_qwq32b_tp4_is_prefill_activations_plus_sampling()
    {
        // Per token: 2 * 5,120 + max(attention (10 + 2*2) * 128 + 10 * 128 = 3,072, MLP 3 * 27,648/4 = 20,736) = 30,976 elements;
        // * 8,192 tokens * 2 B = 507,510,784 B. Sampling: 200 rows * 152,064 * 4 B * 2 = 243,302,400 B.
        var r = RuntimeMemory.Estimate(QwQ32B, MemoryParallelism.TensorParallel(4), DataType.Bf16, 8192, 200, 50);
        Assert.Equal(507_510_784, r.Activations.Value);
        Assert.Equal(243_302_400, r.Sampling.Value);
    }

    [Fact]
    public void Runtime_for_deepseek_v3_takes_the_moe_stage()
    {
        // tp 4, moe_tp 1: attention (MLA, 32 heads) 32*192 + 32*256 + 32*128 + 576 = 19,008;
        // MoE 8 * 3 * 2,048 + 3 * 2,048/4 + 256 = 50,944 (> dense 3 * 18,432/4 = 13,824); per token 2 * 7,168 + 50,944 = 65,280;
        // * 8,192 * 2 B = 1,069,547,520 B. Sampling 200 * 129,280 * 8 = 206,848,000 B.
        var r = RuntimeMemory.Estimate(DeepSeekV3, new MemoryParallelism(16, 4, 4, 1, 16), DataType.Bf16, 8192, 200, 50);
        Assert.Equal(1_069_547_520, r.Activations.Value);
        Assert.Equal(206_848_000, r.Sampling.Value);
    }

    [Fact]
    public void A_world_size_past_the_card_limit_is_refused_before_a_budget_per_card_is_allocated()
    {
        // worldSize 2,147,483,647 = tp 1 x dp 2,147,483,647 is consistent, but one budget per card ran out of memory.
        var request = new MemoryRequest { Model = QwQ32B, Hardware = Ascend910B3, Parallelism = new MemoryParallelism(int.MaxValue, 1, int.MaxValue, 0, 1) };
        var budget = MemoryBudgetCalculator.Compute(request);
        Assert.Equal(MemoryVerdict.InvalidConfig, budget.Verdict);
        Assert.Empty(budget.PerCard);
        var d = Assert.Single(budget.Diagnostics, x => x.Severity == Severity.Error);
        Assert.Equal("worldSize 2147483647 is more than the 65536 cards PerfGate budgets (one budget per card); use at most 65536", d.Message);
    }

    [Fact]
    public void Tp_times_dp_is_computed_without_overflow()
    {
        // 65,536 x 65,536 = 4,294,967,296, which an int product wraps to 0.
        var request = new MemoryRequest { Model = QwQ32B, Hardware = Ascend910B3, Parallelism = new MemoryParallelism(4, 65_536, 65_536, 0, 1) };
        Assert.Contains(
            MemoryBudgetCalculator.Compute(request).Diagnostics,
            x => x.Message == "tp 65536 x dp 65536 = 4294967296 does not equal worldSize 4; MindIE requires tp x dp = worldSize");
    }

    [Fact]
    public void Fixed_npuMemSize_with_a_fraction_warns_that_the_fraction_is_ignored()
    {
        var b = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8) with { MemoryFraction = 0.9 });
        Assert.Contains(b.Diagnostics, d => d.Id == DiagnosticIds.DocumentationDisagreesWithCode && d.Message.StartsWith("NPU_MEMORY_FRACTION 0.9 has no effect with a fixed npuMemSize", StringComparison.Ordinal));
        Assert.Equal(1024, b.KvBlocks);
    }

    [Fact]
    public void Little_headroom_is_a_warning_not_an_error()
    {
        // npuMemSize 43: 20,922,247,168 + 46,170,898,432 = 67,093,145,600 B; 1,626,331,136 B free (1.51 GiB) -> fits;
        // npuMemSize 44: 1 GiB less = 552,589,312 B free (0.51 GiB) < 1 GiB margin -> PG4001 warning, verdict still fits or preemption.
        var ok = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(43));
        var tight = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(44));
        Assert.DoesNotContain(ok.Diagnostics, d => d.Id == DiagnosticIds.OutOfMemoryRisk);
        var d = Assert.Single(tight.Diagnostics, d => d.Id == DiagnosticIds.OutOfMemoryRisk);
        Assert.Equal(Severity.Warning, d.Severity);
        Assert.Equal(552_589_312, tight.PerCard[0].Free.Value);
        Assert.Equal(MemoryVerdict.Fits, tight.Verdict);
    }

    [Fact]
    public void Every_catalog_model_card_engine_and_tp_gives_a_budget()
    {
        // A sweep, not a figure check: every combination ends in a verdict with diagnostics, never an exception, and
        // errors go with the failing verdicts and free is capacity minus total.
        var catalog = BuiltInCatalog.Load();
        foreach (var model in catalog.Models.Values)
        {
            foreach (var hardware in catalog.Hardware.Values)
            {
                foreach (var engine in MemoryEngines.All)
                {
                    foreach (var tp in new[] { 1, 2, 4, 8, 16 })
                    {
                        foreach (var kvType in new[] { DataType.Bf16, DataType.Int8, DataType.Int4 })
                        {
                            var ep = model.Moe is null ? 1 : tp;
                            var r = new MemoryRequest
                            {
                                Model = model,
                                Hardware = hardware,
                                Engine = engine,
                                Parallelism = new MemoryParallelism(tp, tp, 1, 0, ep),
                                Dtypes = new DtypeSettings(Kv: kvType),
                                SpeculativeTokens = model.MtpLayers,
                            };
                            var b = MemoryBudgetCalculator.Compute(r);
                            // Errors exactly when the verdict says it will not run.
                            Assert.Equal(b.Verdict >= MemoryVerdict.OutOfMemoryRisk, b.HasErrors);
                            Assert.All(b.PerCard, c => Assert.Equal(c.Capacity.Value - c.Total.Value, c.Free.Value));
                        }
                    }
                }
            }
        }
    }
}
