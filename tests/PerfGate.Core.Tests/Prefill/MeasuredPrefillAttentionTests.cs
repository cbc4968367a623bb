using PerfGate.Catalog;
using PerfGate.Estimation.Calibration;
using PerfGate.Prefill;
using PerfGate.Quantities;
using PerfGate.Tests.Estimation;

namespace PerfGate.Tests.Prefill;

/// <summary>
/// Causal prefill attention from a measured attention_prefill.csv (the fixture of <see cref="PrefillAttentionTableTests"/>),
/// the published FA3 curve without one, and a sibling's table carried over by spec ratio.
/// </summary>
public sealed class MeasuredPrefillAttentionTests
{
    private static readonly CatalogSet Catalog = BuiltInCatalog.Load();

    // One GEMM row only: KernelFit has no line, so the fixed part is the documented 3 us default.
    private static CalibrationTables Tables(PrefillAttentionTable? prefill) => new(
        "fixture",
        new GemmTable([new GemmRow(DataType.Bf16, 1, 4096, 4096, 15)]),
        new AttentionTable([new AttentionRow(1, 32, 8, 128, 256, 6)]),
        new BandwidthTable([new BandwidthRow("copy", 1 << 27, 50)]),
        prefill);

    private static PrefillOperator Attention(string hardware, CalibrationTables tables, HardwareSpec? from = null, int prompt = 1024)
    {
        var deployment = PrefillEstimatorTests.Deployment("llama-3-8b", hardware, efficiency: EfficiencySource.Measured) with { Calibration = tables, CalibrationFrom = from };
        var outcome = PrefillEstimator.Estimate(new PrefillRequest { Deployment = deployment, Prompt = prompt });
        Assert.False(outcome.HasErrors, string.Join("\n", outcome.Diagnostics));
        return outcome.Estimate!.Operators.Single(o => o.Name == "attention");
    }

    [Fact]
    public void A_measured_row_is_the_layers_attention_time()
    {
        // Llama-3-8B, 32/8/128, a 1024-token prompt: the row's 100 us per layer (3 us fixed + 97 us), x 32 layers.
        var a = Attention("h100-sxm", Tables(PrefillAttentionTableTests.Fixture()));
        Assert.Equal(32 * 100e-6, a.Time.Seconds, 12);
        Assert.Equal(CausalAttention.MeasuredOrigin, a.Origin);
        // 32 x 2 x 1024^2 x 32 x 128 FLOPs.
        Assert.Equal(32 * 8_589_934_592.0, a.Flops);

        // 2048 tokens: 4 x the FLOPs at the interpolated 214.748 TFLOP/s = 34,359,738,368 / 214.748e12 = 160 us.
        var longer = Attention("h100-sxm", Tables(PrefillAttentionTableTests.Fixture()), prompt: 2048);
        Assert.Equal(32 * 160e-6, longer.Time.Seconds, 9);
    }

    [Fact]
    public void Without_the_table_the_published_fa3_curve_is_used()
    {
        var a = Attention("h100-sxm", Tables(null));
        Assert.Equal(FlashAttentionEfficiency.PublishedOrigin, a.Origin);
        // FA3 causal at 1024 keys: 423 TFLOPS (of 989): 8,589,934,592 / 423e12 = 20.307 us per layer.
        Assert.Equal(32 * (8_589_934_592 / 423e12), a.Time.Seconds, 9);
    }

    [Fact]
    public void A_siblings_table_carries_over_by_spec_ratio()
    {
        // h20 borrowing h100-sxm's row: compute-bound on both (8.59 GFLOP at 989 TF = 8.69 us > 20.97 MB at 3.35 TB/s
        // = 6.26 us; at 148 TF = 58.0 us > 5.2 us at 4.0 TB/s), so the 97 us above the fixed part scale by 989 / 148:
        // 3 + 97 x 6.6824 = 651.19 us per layer.
        var h100 = Catalog.Hardware["h100-sxm"];
        var a = Attention("h20", Tables(PrefillAttentionTableTests.Fixture()), h100);
        var ratio = h100.Bf16.Value / Catalog.Hardware["h20"].Bf16.Value;
        Assert.Equal(989.0 / 148, ratio, 12);
        Assert.Equal(32 * (3e-6 + (97e-6 * ratio)), a.Time.Seconds, 12);
        Assert.Equal(CausalAttention.MeasuredOrigin + ", transferred from h100-sxm (spec ratio)", a.Origin);
    }
}
