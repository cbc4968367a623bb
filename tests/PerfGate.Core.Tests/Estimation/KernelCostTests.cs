using PerfGate.Catalog;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Estimation.Implementations;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

/// <summary>The per-kernel cost, the collective latency and the implementation profiles, by hand.</summary>
public sealed class KernelCostTests
{
    private static readonly CatalogSet Catalog = BuiltInCatalog.Load();

    [Fact]
    public void The_fixed_part_is_the_intercept_of_the_small_m1_rows_and_a_kernel_chain_row_replaces_it()
    {
        // Two rows: 8 MiB in 6 us, 32 MiB in 12 us: slope 6 us / 24 MiB, intercept 6 - 8 x 6 / 24 = 4 us,
        // stream 24 MiB / 6 us = 4.194 TB/s. Rows outside 4-64 MiB (1 MiB, 1 GiB) and m > 1 are not fitted.
        var gemm = new GemmTable(
        [
            new GemmRow(DataType.Bf16, 1, 2048, 2048, 6),
            new GemmRow(DataType.Bf16, 1, 4096, 4096, 12),
            new GemmRow(DataType.Bf16, 1, 512, 1024, 100),
            new GemmRow(DataType.Bf16, 1, 16384, 32768, 1),
            new GemmRow(DataType.Bf16, 8, 2048, 2048, 50),
        ]);
        var fit = KernelFit.Of(gemm, new BandwidthTable([new BandwidthRow("tiny_kernel", 4, 1.2)]));
        Assert.Equal(4e-6, fit.FixedSeconds, 12);
        Assert.Equal(24.0 * 1024 * 1024 / 6e-6, fit.StreamBytesPerSecond, 0);
        var chain = KernelFit.Of(gemm, new BandwidthTable([new BandwidthRow(BandwidthTable.KernelChainOp, 8192, 2.5)]));
        Assert.Equal(2.5e-6, chain.FixedSeconds, 12);
        Assert.Equal("bandwidth.csv kernel_chain", chain.FixedSource);
    }

    [Fact]
    public void Shipped_h100_tables_give_a_fixed_part_of_3_63_us_at_2_73_TB_per_s()
    {
        var t = CalibrationLoader.Load("embedded:h100-sxm", ".", new List<PerfGate.Diagnostics.Diagnostic>())!;
        // Least squares over the seven bf16 m = 1 rows of 4-64 MiB (2048^2, 7168x2048, 2112x7168, 4096^2,
        // 6144x4096, 5120^2, 4096x7168): intercept 3.6253 us, inverse slope 2.7316 TB/s.
        Assert.Equal(3.6253e-6, t.Fit.FixedSeconds, 9);
        Assert.InRange(t.Fit.StreamBytesPerSecond, 2.7315e12, 2.7317e12);
        // No GEMM under the smallest measured shape's time: a router (n = 64, k = 4096) at m = 1 takes
        // 1024 x 1024's 5.028 us, not 5.028 x 64 x 4096 / 1024^2 = 1.26 us.
        Assert.Equal(5.028e-6, t.Gemm.Seconds(DataType.Bf16, 1, 64, 4096, out _), 12);
        Assert.Equal(5.898e-6, t.Attention.MinSeconds, 12); // batch 1, 8 q heads, 1 KV head, context 256
    }

    [Fact]
    public void All_reduce_latency_follows_nccls_cost_model_by_group_size_and_a_measured_row_replaces_it()
    {
        // 6.6 + 2 (n - 1) x 0.6 us over NVLink; x 1.0 us over PCIe.
        Assert.Equal(7.8e-6, CollectiveLatency.AllReduceSeconds(2, LinkKind.NvLink), 12);
        Assert.Equal(10.2e-6, CollectiveLatency.AllReduceSeconds(4, LinkKind.NvLink), 12);
        Assert.Equal(15.0e-6, CollectiveLatency.AllReduceSeconds(8, LinkKind.NvLink), 12);
        Assert.Equal(20.6e-6, CollectiveLatency.AllReduceSeconds(8, LinkKind.Pcie), 12);
        Assert.Equal(0, CollectiveLatency.AllReduceSeconds(1, LinkKind.NvLink));

        // Qwen2-72B TP4 on A100 at batch 1: wire bytes 2 x 3/4 x 8192 x 2 = 24,576 B over 300 GB/s = 0.082 us,
        // plus 10.2 us.
        var request = new DecodeRequest
        {
            Model = Catalog.Models["qwen2-72b"],
            Hardware = Catalog.Hardware["a100-80g"],
            Parallelism = new Parallelism(4, 1, 1),
            Efficiency = EfficiencySource.A100Curve,
        };
        var cost = KernelCostModel.For(request).AllReduce(24576);
        Assert.Equal((24576 / 300e9) + 10.2e-6, cost.Time.Seconds, 12);
        Assert.Equal(EfficiencyOrigin.LinkBandwidthLatency, cost.Origin);

        var measured = new CalibrationTables("t", new GemmTable([new GemmRow(DataType.Bf16, 1, 4096, 4096, 15)]), new AttentionTable([]),
            new BandwidthTable([new BandwidthRow("copy", 1 << 27, 50), new BandwidthRow("all_reduce_4", 1024, 9), new BandwidthRow("all_reduce_4", 65536, 12)]));
        var own = KernelCostModel.For(request with { Efficiency = EfficiencySource.Measured, Calibration = measured }).AllReduce(24576);
        Assert.Equal((24576 / 300e9) + 9e-6, own.Time.Seconds, 12);
    }

    [Fact]
    public void Without_tables_a_kernel_is_the_documented_3_us_plus_the_roofline_at_h100s_achieved_fractions()
    {
        var request = new DecodeRequest { Model = Catalog.Models["llama-3-8b"], Hardware = Catalog.Hardware["l20"], Efficiency = EfficiencySource.Achieved };
        var model = KernelCostModel.For(request);
        Assert.Equal(3e-6, model.FixedPerKernel.Seconds, 12);
        var f = AchievedFractions.H100;
        // Stream 2.7316 / 3.35 = 0.8154; bf16 compute: median of the m >= 4096 rows / 989.
        Assert.Equal(0.8154, f.Stream, 3);
        Assert.InRange(f.Bf16Compute, 0.70, 0.78);
        // A 1 MB element-wise kernel on L20: 3 us + 1e6 / (864e9 x 0.8154) = 3 + 1.419 us.
        Assert.Equal(3e-6 + (1e6 / (864e9 * f.Stream)), model.Elementwise(1e6).Time.Seconds, 12);
        // qkv of Llama-3-8B at m = 1 on L20: 3 us + (50.33 MB + tiny activations) / (864 GB/s x 0.8154).
        var gemm = model.Gemm(DataType.Bf16, 1, 6144, 4096);
        Assert.Equal(3e-6 + (((6144.0 * 4096 * 2) + ((4096 + 6144) * 2)) / (864e9 * f.Stream)), gemm.Time.Seconds, 12);
        Assert.Equal(EfficiencyOrigin.AchievedFractions, gemm.Origin);
    }

    [Fact]
    public void Every_engine_has_an_implementation_profile_and_the_counts_follow_their_fusions()
    {
        foreach (var engine in MemoryEngines.All)
        {
            Assert.NotNull(ImplementationProfiles.Find(engine.Id));
        }

        // Small kernels per Llama layer: pytorch 10 (2 norms, 2 adds, rope q, rope k, K, V, act, mul); vLLM 5
        // (2 add+norms, rope, cache, SiLU-and-mul); SGLang 6 (K and V apart); TensorRT-LLM 4 (rope in the cache
        // write); MindIE 5.
        var expected = new Dictionary<string, int> { ["pytorch"] = 10, ["vllm"] = 5, ["sglang"] = 6, ["tensorrt-llm"] = 4, ["mindie"] = 5 };
        foreach (var profile in ImplementationProfiles.All)
        {
            var e = EstimateAssert.Ok(new DecodeRequest { Model = Catalog.Models["llama-3-8b"], Hardware = Catalog.Hardware["l20"], Efficiency = EfficiencySource.Achieved, Implementation = profile });
            Assert.Equal(expected[profile.Id], e.Operators.Count(o => o.Kind == OperatorKind.Elementwise && o.Scope == OperatorScope.DenseLayer));
        }
    }

    [Fact]
    public void Host_overhead_adds_once_per_step()
    {
        var request = new DecodeRequest { Model = Catalog.Models["llama-3-8b"], Hardware = Catalog.Hardware["l20"], Efficiency = EfficiencySource.Achieved };
        var plain = EstimateAssert.Ok(request).StepTime.Seconds;
        var host = EstimateAssert.Ok(request with { HostOverhead = Duration.FromMicroseconds(250) }).StepTime.Seconds;
        Assert.Equal(250e-6, host - plain, 12);
    }

    [Fact]
    public void The_a100_curve_never_gets_faster_with_more_rows()
    {
        // Seed 002's curve: at m = 63 the M/N branch gives 30/312; at m = 64 the 289/1979 floor starts, so
        // m / factor falls from 63 x 312 / 30 = 655.2 to 64 x 1979 / 289 = 438.3. The monotone factor holds 655.2.
        Assert.Equal(63.0 / (30.0 / 312), 64 / SeedFactors.A100MfuMonotone(64, 8192, 8192, out _), 9);
        var previous = 0.0;
        for (long m = 1; m <= 4096; m++)
        {
            var time = m / SeedFactors.A100MfuMonotone(m, 28672, 8192, out _);
            Assert.True(time >= previous * (1 - 1e-12), $"m {m}");
            previous = time;
        }
    }

    [Theory]
    [InlineData(8192, 8192)]
    [InlineData(28672, 8192)]
    [InlineData(1536, 7168)]
    [InlineData(512, 128)]
    [InlineData(128, 512)]
    [InlineData(256, 7168)]
    [InlineData(129280, 7168)]
    [InlineData(300, 5000)]
    public void The_monotone_a100_factor_is_the_largest_time_of_any_row_count_up_to_m(long n, long k)
    {
        // The definition, probed at every p <= m: m / max(p / factor(p)). The fast envelope probes only the piece
        // boundaries and skips those that cannot be the maximum; the two must agree exactly.
        var worst = 0.0;
        for (long m = 1; m <= 3000; m++)
        {
            worst = Math.Max(worst, m / SeedFactors.A100Mfu(m, n, k, out _));
            var expected = m / worst;
            Assert.Equal(expected, SeedFactors.A100MfuMonotone(m, n, k, out _));
        }
    }
}
