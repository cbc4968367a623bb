using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;

namespace PerfGate.Tests.Estimation;

/// <summary>attention_prefill.csv: the loader reads it when present, the table interpolates rates in S, scales by heads.</summary>
public sealed class PrefillAttentionTableTests
{
    // 32/8/128 at S = 1024: causal FLOPs 2 x 1024^2 x 32 x 128 = 8,589,934,592 in 100 us -> 85.899 TFLOP/s;
    // at S = 4096: 2 x 4096^2 x 32 x 128 = 137,438,953,472 in 400 us -> 343.597 TFLOP/s.
    internal static PrefillAttentionTable Fixture() => new([new(32, 8, 128, 1024, 100), new(32, 8, 128, 4096, 400), new(64, 8, 128, 1024, 150)]);

    [Fact]
    public void A_measured_layout_and_length_gives_the_rows_rate()
    {
        var rate = Fixture().FlopsPerSecond(32, 8, 128, 1024, out var measured);
        Assert.True(measured);
        Assert.Equal(8_589_934_592 / 100e-6, rate, 0);
        Assert.Equal(137_438_953_472 / 400e-6, Fixture().FlopsPerSecond(32, 8, 128, 4096, out _), 0);
    }

    [Fact]
    public void Between_rows_the_rate_is_linear_in_log2_s_and_held_outside()
    {
        // S = 2048 is halfway in log2 between 1024 and 4096: (85.899 + 343.597) / 2 = 214.748 TFLOP/s.
        Assert.Equal(((8_589_934_592 / 100e-6) + (137_438_953_472 / 400e-6)) / 2, Fixture().FlopsPerSecond(32, 8, 128, 2048, out _), 0);
        Assert.Equal(8_589_934_592 / 100e-6, Fixture().FlopsPerSecond(32, 8, 128, 512, out _), 0);
        Assert.Equal(137_438_953_472 / 400e-6, Fixture().FlopsPerSecond(32, 8, 128, 32768, out _), 0);
    }

    [Fact]
    public void Other_heads_take_the_nearest_layouts_rate_so_time_scales_with_heads()
    {
        // 16 query heads / 4 KV heads (TP2 of 32/8): nearest is 32/8 (same group size; log 2 away in heads, against
        // 64/8's log 4 + group log 2). Its FLOPs, half the row's, take half the row's 100 us.
        var rate = Fixture().FlopsPerSecond(16, 4, 128, 1024, out var measured);
        Assert.False(measured);
        Assert.Equal(50e-6, (2.0 * 1024 * 1024 * 16 * 128) / rate, 12);
        // 64/8 is measured: 2 x 1024^2 x 64 x 128 = 17,179,869,184 in 150 us.
        Assert.Equal(17_179_869_184 / 150e-6, Fixture().FlopsPerSecond(64, 8, 128, 1024, out _), 0);
    }

    [Fact]
    public void The_loader_reads_the_optional_file_and_locates_its_bad_rows()
    {
        static TextReader? Files(string file, string? prefill) => file switch
        {
            "gemm.csv" => new StringReader("dtype,m,n,k,time_us\nbf16,1,4096,4096,15.7\n"),
            "attention_decode.csv" => new StringReader("dtype,batch,q_heads,kv_heads,head_dim,context,time_us\nbf16,1,32,8,128,256,6.0\n"),
            "bandwidth.csv" => new StringReader("op,bytes_moved,time_us\ntiny_kernel,4,1.2\n"),
            "attention_prefill.csv" when prefill is not null => new StringReader(prefill),
            _ => null,
        };

        var none = CalibrationLoader.Read("mine", f => Files(f, null), new List<Diagnostic>());
        Assert.True(none!.PrefillAttention.IsEmpty);

        var some = CalibrationLoader.Read("mine", f => Files(f, "dtype,q_heads,kv_heads,head_dim,seq,time_us,tflops\nbf16,32,8,128,1024,100,85.90\n"), new List<Diagnostic>());
        Assert.Equal(8_589_934_592 / 100e-6, some!.PrefillAttention.FlopsPerSecond(32, 8, 128, 1024, out _), 0);

        var diagnostics = new List<Diagnostic>();
        Assert.Null(CalibrationLoader.Read("mine", f => Files(f, "dtype,q_heads,kv_heads,head_dim,seq,time_us\nbf16,32,8,128,1024,100\nbf16,30,8,128,2048,0\n"), diagnostics));
        Assert.Equal(
            "mine/attention_prefill.csv(3,1): error PG3007: attention_prefill.csv: column time_us: '0' is not a positive number (use '.' as the decimal separator)",
            Assert.Single(diagnostics).ToCanonicalString());
    }
}
