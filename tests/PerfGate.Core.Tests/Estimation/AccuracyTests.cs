using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// Single-H100 bf16 decode steps from the built-in catalog with its embedded measured tables, against what a
/// CUDA-graph-captured PyTorch implementation achieves: Llama-3-8B ~6-7 ms, QwQ-32B ~23-25 ms at batch 1
/// and short context (the README derives both from the tables).
/// </summary>
public sealed class AccuracyTests
{
    private static DecodeEstimate Estimate(string model, int batch = 1, int context = 512)
    {
        var catalog = BuiltInCatalog.Load();
        var hw = catalog.Hardware["h100-sxm"];
        Assert.Equal(EfficiencySource.Measured, hw.Efficiency);
        var diagnostics = new List<Diagnostic>();
        var tables = CalibrationLoader.Load(hw.CalibrationTables!, ".", diagnostics);
        Assert.Empty(diagnostics);
        return EstimateAssert.Ok(new DecodeRequest
        {
            Model = catalog.Models[model],
            Hardware = hw,
            Batch = batch,
            Context = context,
            Efficiency = hw.Efficiency,
            Calibration = tables,
        });
    }

    [Fact]
    public void Llama_3_8b_batch_1_lands_in_6_to_7_ms()
    {
        var e = Estimate("llama-3-8b");
        Assert.InRange(e.StepTime.Milliseconds, 6.0, 7.0);
        // The GEMMs are the measured weight streams: 32 x (21.92 + 15.78 + 85.49 + 44.46) + 372.77 = 5,737 us.
        var gemms = e.Operators.Where(o => o.Kind == OperatorKind.Gemm).Sum(o => o.TimePerStep.Microseconds);
        Assert.Equal((32 * (21.918 + 15.781 + 85.488 + 44.461)) + 372.772, gemms, 3);
        Assert.All(e.Operators.Where(o => o.Kind == OperatorKind.Gemm), o => Assert.Equal(EfficiencyOrigin.MeasuredGemm, o.Origin));
        Assert.All(e.Operators.Where(o => o.Kind == OperatorKind.Elementwise), o => Assert.Equal(EfficiencyOrigin.MeasuredLaunchFloor, o.Origin));
    }

    [Fact]
    public void Qwq_32b_batch_1_lands_in_23_to_25_ms()
    {
        var e = Estimate("qwq-32b");
        Assert.InRange(e.StepTime.Milliseconds, 23.0, 25.0);
        Assert.Equal(EfficiencyOrigin.MeasuredAttention, EstimateAssert.Op(e, "attention").Origin);
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
