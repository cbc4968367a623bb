using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.IO;
using PerfGate.Quantities;

namespace PerfGate.Tests.Estimation;

public sealed class CalibrationTablesTests
{
    private static CalibrationTables H100()
    {
        var diagnostics = new List<Diagnostic>();
        var tables = CalibrationLoader.Load("embedded:h100-sxm", ".", diagnostics);
        Assert.Empty(diagnostics);
        return tables!;
    }

    [Fact]
    public void The_log_of_a_count_is_math_log_inside_and_outside_its_table()
    {
        // The table must give the very values Math.Log gives (the figures depend on them bit for bit).
        foreach (var count in Enumerable.Range(0, 5000).Select(i => (long)i).Concat([8192, 1L << 40, long.MaxValue]))
        {
            Assert.Equal(Math.Log(count), LogInterpolation.LogOf(count));
        }
    }

    [Theory]
    // Rows of gemm.csv, returned exactly.
    [InlineData(DataType.Bf16, 1, 4096, 4096, 15.781)]
    [InlineData(DataType.Bf16, 512, 28672, 4096, 165.323)]
    [InlineData(DataType.Bf16, 16384, 152064, 5120, 35586.334)]
    [InlineData(DataType.Fp8, 16, 4096, 4096, 9.257)]
    [InlineData(DataType.Fp8, 2048, 28672, 4096, 349.584)]
    public void Gemm_table_points_are_reproduced_exactly(DataType type, long m, long n, long k, double us)
    {
        Assert.Equal(us * 1e-6, H100().Gemm.Seconds(type, m, n, k, out var measured), 15);
        Assert.True(measured);
    }

    [Fact]
    public void Gemm_interpolates_log_time_on_log_m_between_measured_rows()
    {
        // m = 3 between m = 2 (16.610 us) and m = 4 (16.349 us): a row faster than a smaller m is noise and holds
        // the smaller m's time, so m = 3 and m = 4 take 16.610 us.
        Assert.Equal(16.610e-6, H100().Gemm.Seconds(DataType.Bf16, 3, 4096, 4096, out _), 15);
        Assert.Equal(16.610e-6, H100().Gemm.Seconds(DataType.Bf16, 4, 4096, 4096, out _), 15);
        // m = 192 between m = 128 (15.208 us, held at 16.793 from m = 16) and m = 256 (18.001 us), in log m.
        var f = (Math.Log(192) - Math.Log(128)) / (Math.Log(256) - Math.Log(128));
        var expected = Math.Exp(Math.Log(16.793e-6) + (f * (Math.Log(18.001e-6) - Math.Log(16.793e-6))));
        Assert.Equal(expected, H100().Gemm.Seconds(DataType.Bf16, 192, 4096, 4096, out _), 15);
        // Above the largest m time grows with m: 2 x 16384 rows take twice the 16384-row time.
        Assert.Equal(2 * 730.315e-6, H100().Gemm.Seconds(DataType.Bf16, 32768, 4096, 4096, out _), 12);
    }

    [Fact]
    public void Gemm_at_an_unmeasured_shape_scales_the_nearest_shapes_time_per_weight_element()
    {
        var t = H100().Gemm;
        // 4096 x 5120 (20.97 M elements) lies between 4096 x 4096 (16.78 M) and 6144 x 4096 (25.17 M).
        var mid = t.Seconds(DataType.Bf16, 1, 4096, 5120, out var measured);
        Assert.False(measured);
        var lo = 15.781e-6 / (4096.0 * 4096);
        var hi = 21.918e-6 / (6144.0 * 4096);
        var f = (Math.Log(4096.0 * 5120) - Math.Log(4096.0 * 4096)) / (Math.Log(6144.0 * 4096) - Math.Log(4096.0 * 4096));
        Assert.Equal(Math.Exp(Math.Log(lo) + (f * (Math.Log(hi) - Math.Log(lo)))) * 4096 * 5120, mid, 15);
    }

    [Fact]
    public void Attention_table_points_are_exact_and_fp8_kv_reads_half_the_bytes()
    {
        var a = H100().Attention;
        Assert.Equal(29.280e-6, a.Seconds(4, 32, 8, 128, 4096, 2, out var measured), 15);
        Assert.True(measured);
        Assert.Equal(5562.088e-6, a.Seconds(128, 32, 8, 128, 32768, 2, out _), 15);
        // fp8 KV at 8192 tokens reads the bytes of bf16 at 4096.
        Assert.Equal(29.280e-6, a.Seconds(4, 32, 8, 128, 8192, 1, out var fp8Measured), 15);
        Assert.False(fp8Measured);
    }

    [Fact]
    public void Bandwidth_and_launch_floor_come_from_bandwidth_csv()
    {
        var b = H100().Bandwidth;
        Assert.Equal(1.225e-6, b.LaunchFloorSeconds, 15);
        // copy,536870912,179.278 -> 2,994.6 GB/s.
        Assert.Equal(1.0, b.CopyBytesPerSecond(536870912) / (536870912 / 179.278e-6), 12);
        Assert.Equal(1.0, b.ReadBytesPerSecond(1073741824) / (1073741824 / 353.682e-6), 12);
    }

    [Fact]
    public void Bandwidth_holds_the_end_rows_rate_outside_the_measured_sizes_and_interpolates_inside()
    {
        var b = H100().Bandwidth;
        // Smallest copy row 134,217,728 B in 47.616 us: at or below it the rate is that row's, exactly as the
        // interpolation (slope 0 outside the rows) gives it.
        var smallest = Math.Exp(Math.Log(134217728 / 47.616e-6));
        Assert.Equal(smallest, b.CopyBytesPerSecond(4096));
        Assert.Equal(smallest, b.CopyBytesPerSecond(0));
        Assert.Equal(smallest, b.CopyBytesPerSecond(134217728));
        // Between rows: log rate linear in log bytes (midway in log between the first two copy rows).
        var mid = Math.Sqrt(134217728.0 * 536870912);
        var expected = Math.Sqrt((134217728 / 47.616e-6) * (536870912 / 179.278e-6));
        Assert.Equal(1.0, b.CopyBytesPerSecond(mid) / expected, 12);
    }

    [Fact]
    public void A_grouped_gemm_is_looked_up_as_one_gemm_with_the_groups_side_by_side()
    {
        var tables = H100();
        var e = DecodeEstimator.Estimate(new DecodeRequest
        {
            Model = Fixtures.Qwen2_57B_A14B,
            Hardware = Fixtures.H100,
            Batch = 1,
            Context = 128,
            Efficiency = EfficiencySource.Measured,
            Calibration = tables,
        }).Estimate!;
        var up = EstimateAssert.Op(e, "experts_gate_up");
        // One token hits 64 x (1 - (1 - 8/64)^1) = 8 experts, one row each: one kernel over 8 x (2 x 2560) = 40,960
        // output columns of K = 3584.
        Assert.Equal((1L, 5120L, 3584L), (up.M, up.N, up.K));
        Assert.Equal(tables.Gemm.Seconds(DataType.Bf16, 1, 40960, 3584, out _), up.Time.Seconds, 15);
        Assert.Equal(EfficiencyOrigin.MeasuredGemmInterpolated, up.Origin);
    }

    [Fact]
    public void Missing_column_is_reported_with_file_and_line()
    {
        var diagnostics = new List<Diagnostic>();
        var tables = CalibrationLoader.Read("mine", file => file switch
        {
            "gemm.csv" => new StringReader("dtype,m,n,time_us\nbf16,1,4096,15.7\n"),
            "attention_decode.csv" => new StringReader("dtype,batch,q_heads,kv_heads,head_dim,context,time_us\nbf16,1,32,8,128,256,6.0\n"),
            "bandwidth.csv" => new StringReader("op,bytes_moved,time_us\ntiny_kernel,4,1.2\n"),
            _ => null,
        }, diagnostics);
        Assert.Null(tables);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.BadCalibrationTable, d.Id);
        Assert.Equal("mine/gemm.csv(1,1): error PG3007: gemm.csv lacks the column(s) k; its header is 'dtype,m,n,time_us', expected at least dtype,m,n,k,time_us", d.ToCanonicalString());
    }

    [Fact]
    public void Bad_rows_are_reported_each_with_its_line()
    {
        var diagnostics = new List<Diagnostic>();
        var tables = CalibrationLoader.Read("mine", file => file switch
        {
            "gemm.csv" => new StringReader("dtype,m,n,k,time_us\nbf16,1,4096,4096,15.7\nbf16,2,4096,-4,16.6\nbf17,4,4096,4096,16.3\n"),
            "attention_decode.csv" => new StringReader("dtype,batch,q_heads,kv_heads,head_dim,context,time_us\nbf16,1,32,8,128,256,6.0\n"),
            "bandwidth.csv" => new StringReader("op,bytes_moved,time_us\ntiny_kernel,4,1.2\n"),
            _ => null,
        }, diagnostics);
        Assert.Null(tables);
        Assert.Equal(2, diagnostics.Count);
        Assert.Contains(diagnostics, d => d.Location.Line == 3 && d.Message.Contains("column k: '-4' is not a positive whole number", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d.Location.Line == 4 && d.Message.Contains("dtype 'bf17' is not one of", StringComparison.Ordinal));
        Assert.All(diagnostics, d => Assert.Equal("mine/gemm.csv", d.Location.File));
    }

    [Fact]
    public void A_non_number_names_column_and_line()
    {
        var diagnostics = new List<Diagnostic>();
        CalibrationLoader.Read("mine", file => file switch
        {
            "gemm.csv" => new StringReader("dtype,m,n,k,time_us\nbf16,1,4096,4096,fast\n"),
            "attention_decode.csv" => new StringReader("dtype,batch,q_heads,kv_heads,head_dim,context,time_us\nbf16,1,32,8,128,256,6.0\n"),
            "bandwidth.csv" => new StringReader("op,bytes_moved,time_us\ntiny_kernel,4,1.2\n"),
            _ => null,
        }, diagnostics);
        var d = Assert.Single(diagnostics);
        Assert.Equal("mine/gemm.csv(2,1): error PG3007: gemm.csv: column time_us: 'fast' is not a positive number (use '.' as the decimal separator)", d.ToCanonicalString());
    }

    [Fact]
    public void Missing_file_and_unknown_embedded_name_are_diagnosed()
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Null(CalibrationLoader.Read("mine", file => file == "bandwidth.csv" ? null : new StringReader("x\n"), diagnostics));
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.EfficiencyDataMissing && d.Message.StartsWith("missing calibration table bandwidth.csv", StringComparison.Ordinal));

        var more = new List<Diagnostic>();
        Assert.Null(CalibrationLoader.Load("embedded:b200", ".", more));
        Assert.Contains("available: embedded:h100-sxm", Assert.Single(more).Message, StringComparison.Ordinal);

        var folder = new List<Diagnostic>();
        Assert.Null(CalibrationLoader.Load("no/such/folder", Path.GetTempPath(), folder, files: PhysicalFileSystem.Instance));
        Assert.Contains("calibration folder 'no/such/folder' does not exist", Assert.Single(folder).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_with_the_three_files_loads_like_the_embedded_tables()
    {
        var dir = Directory.CreateTempSubdirectory("perfgate-cal-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "gemm.csv"), "dtype,m,n,k,time_us,tflops,weight_gbps\nbf16,1,1024,1024,5.0,0,0\nbf16,8,1024,1024,6.0,0,0\n");
            File.WriteAllText(Path.Combine(dir.FullName, "attention_decode.csv"), "dtype,batch,q_heads,kv_heads,head_dim,context,time_us,kv_read_gbps\nbf16,1,32,8,128,256,6.0,0\n");
            File.WriteAllText(Path.Combine(dir.FullName, "bandwidth.csv"), "op,bytes_moved,time_us,gbps\ncopy,1000000,1.0,0\ntiny_kernel,4,2.0,0\n");
            var diagnostics = new List<Diagnostic>();
            var t = CalibrationLoader.Load(dir.Name, dir.Parent!.FullName, diagnostics, files: PhysicalFileSystem.Instance);
            Assert.Empty(diagnostics);
            Assert.Equal(6.0e-6, t!.Gemm.Seconds(DataType.Bf16, 8, 1024, 1024, out _), 15);
            Assert.Equal(2.0e-6, t.Bandwidth.LaunchFloorSeconds, 15);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
