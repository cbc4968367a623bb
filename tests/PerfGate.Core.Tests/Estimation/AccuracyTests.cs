using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Estimation.Implementations;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// Single-H100 bf16 decode steps from the built-in catalog with its embedded measured tables, term by term as
/// the README reconstructs them (plain PyTorch profile: ten small kernels per layer at the fixed part).
/// </summary>
public sealed class AccuracyTests
{
    // KernelFit of the shipped tables: intercept of the seven bf16 m = 1 rows of 4-64 MiB (README).
    private const double FixedUs = 3.6253;

    internal static DecodeEstimate Estimate(string model, string hardware = "h100-sxm", int batch = 1, int context = 512, ImplementationProfile? implementation = null)
    {
        var catalog = BuiltInCatalog.Load();
        var hw = catalog.Hardware[hardware];
        var from = hw.CalibrationTransfer is { } t ? catalog.Hardware[t.From] : null;
        var diagnostics = new List<Diagnostic>();
        var tables = CalibrationLoader.Load((from ?? hw).CalibrationTables!, ".", diagnostics);
        Assert.Empty(diagnostics);
        return EstimateAssert.Ok(new DecodeRequest
        {
            Model = catalog.Models[model],
            Hardware = hw,
            Batch = batch,
            Context = context,
            Efficiency = EfficiencySource.Measured,
            Calibration = tables,
            CalibrationFrom = from,
            Implementation = implementation ?? ImplementationProfiles.PyTorch,
        });
    }

    [Fact]
    public void Llama_3_8b_batch_1_is_the_tables_plus_ten_small_kernels_per_layer()
    {
        var e = Estimate("llama-3-8b");
        // GEMMs are measured weight streams: 32 x (21.918 + 15.781 + 85.488 + 44.461) + 372.772 = 5,737.5 us.
        var gemms = e.Operators.Where(o => o.Kind == OperatorKind.Gemm).Sum(o => o.TimePerStep.Microseconds);
        Assert.Equal((32 * (21.918 + 15.781 + 85.488 + 44.461)) + 372.772, gemms, 3);
        Assert.All(e.Operators.Where(o => o.Kind == OperatorKind.Gemm), o => Assert.Equal(EfficiencyOrigin.MeasuredGemm, o.Origin));
        // Ten element-wise kernels per layer (2 norms, 2 residual adds, rope q and k, K and V writes, act and mul),
        // three per step; each at batch 1 is the fixed part plus a few KB at the copy bandwidth (< 0.2 us).
        var small = e.Operators.Where(o => o.Kind == OperatorKind.Elementwise).ToArray();
        Assert.Equal(10, small.Count(o => o.Scope == OperatorScope.DenseLayer));
        Assert.Equal(3, small.Count(o => o.Scope == OperatorScope.Model));
        Assert.All(small, o => Assert.InRange(o.Time.Microseconds, FixedUs, FixedUs + 0.2));
        // Attention: 32 x 6.49 us (attention_decode.csv, 512 between the 256 and 1024 rows).
        var attention = EstimateAssert.Op(e, "attention").TimePerStep.Microseconds;
        Assert.InRange(attention, 32 * 6.4, 32 * 6.6);
        // Step = 5,737.5 + 32 x 10 x ~3.63 + 3 x ~3.65 + ~207.7 = ~7,118 us.
        Assert.InRange(e.StepTime.Microseconds, gemms + attention + (323 * FixedUs), gemms + attention + (323 * (FixedUs + 0.2)));
    }

    [Fact]
    public void Qwq_32b_adds_the_bias_kernel_in_pytorch_and_fuses_in_vllm()
    {
        var torch = Estimate("qwq-32b");
        Assert.Equal(11, torch.Operators.Count(o => o.Kind == OperatorKind.Elementwise && o.Scope == OperatorScope.DenseLayer));
        Assert.InRange(torch.StepTime.Milliseconds, 26.0, 26.6);
        var vllm = Estimate("qwq-32b", implementation: ImplementationProfiles.Vllm);
        // vLLM: fused add + norm (2), one rope, one cache write, SiLU-and-mul, bias in the GEMM: 5 kernels.
        Assert.Equal(5, vllm.Operators.Count(o => o.Kind == OperatorKind.Elementwise && o.Scope == OperatorScope.DenseLayer));
        // 6 fewer kernels x 64 layers x ~3.63 us = ~1.39 ms less.
        Assert.InRange(torch.StepTime.Milliseconds - vllm.StepTime.Milliseconds, 64 * 6 * FixedUs * 1e-3, 64 * 6 * (FixedUs + 0.2) * 1e-3);
    }

    [Fact]
    public void H200_carries_h100_tables_over_by_spec_ratio()
    {
        var h100 = Estimate("llama-3-8b");
        var h200 = Estimate("llama-3-8b", hardware: "h200");
        // qkv_proj at m = 1 is a weight stream: 3.6253 + (21.918 - 3.6253) x 3.35 / 4.8 = 16.392 us.
        Assert.Equal(FixedUs + ((21.918 - FixedUs) * 3.35 / 4.8), EstimateAssert.Op(h200, "qkv_proj").Time.Microseconds, 2);
        Assert.Equal(21.918, EstimateAssert.Op(h100, "qkv_proj").Time.Microseconds, 3);
        // The fixed part of a small kernel does not scale.
        Assert.Equal(EstimateAssert.Op(h100, "rope_q").Time.Microseconds, EstimateAssert.Op(h200, "rope_q").Time.Microseconds, 1);
        Assert.InRange(h200.StepTime.Seconds / h100.StepTime.Seconds, 0.70, 0.85);
    }

    [Fact]
    public void Larger_batches_cost_more_and_stay_below_the_compute_bound_of_the_tables()
    {
        var one = Estimate("llama-3-8b", batch: 1).StepTime;
        var many = Estimate("llama-3-8b", batch: 64, context: 2048).StepTime;
        Assert.True(many > one);
        // 64 sequences x 2048 tokens add 64 x 2048 x 128 KiB = 16 GiB of KV reads, ~5.6 ms at ~3 TB/s.
        Assert.InRange(many.Milliseconds, one.Milliseconds + 4, one.Milliseconds + 9);
    }
}
