using System.Globalization;
using System.Text.Json;
using PerfGate.Catalog;

namespace PerfGate.Tests.Commands;

public sealed class EstimateCommandTests
{
    [Fact]
    public void Json_has_the_decode_and_memory_figures()
    {
        var (code, output, error) = AppHarness.Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--context", "512", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var decode = doc.RootElement.GetProperty("decode");
        Assert.InRange(decode.GetProperty("stepMs").GetDouble(), 7.0, 7.25);
        Assert.Equal(1000 / decode.GetProperty("stepMs").GetDouble(), decode.GetProperty("userTokensPerSecond").GetDouble(), 0);
        Assert.Equal(decode.GetProperty("userTokensPerSecond").GetDouble(), decode.GetProperty("throughputPerCard").GetDouble());
        var breakdown = decode.GetProperty("breakdown").EnumerateArray().ToArray();
        var head = breakdown.Single(b => b.GetProperty("name").GetString() == "lm_head");
        Assert.Equal("measured:gemm", head.GetProperty("source").GetString());
        Assert.Equal(128256, head.GetProperty("n").GetInt64());
        Assert.Equal("memory", head.GetProperty("bound").GetString());
        var memory = doc.RootElement.GetProperty("memory");
        Assert.Equal(16_060_522_496, memory.GetProperty("weightBytesPerCard").GetInt64());
        Assert.Equal(131_072, memory.GetProperty("kvBytesPerToken").GetInt64());
        Assert.True(memory.GetProperty("maxBatch").GetInt32() > 100);
        Assert.Equal("measured", doc.RootElement.GetProperty("efficiency").GetString());
    }

    [Fact]
    public void Table_output_names_every_operator_and_the_totals()
    {
        var (code, output, _) = AppHarness.Run("estimate", "--model", "qwq-32b", "--hardware", "h100-sxm", "--efficiency", "roofline");
        Assert.Equal(0, code);
        Assert.Contains("qkv_proj", output, StringComparison.Ordinal);
        Assert.Contains("tokens/s per user", output, StringComparison.Ordinal);
        Assert.Contains("efficiency roofline", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Deepseek_expert_parallel_with_the_published_options()
    {
        var (code, output, error) = AppHarness.Run("estimate", "--model", "deepseek-v3", "--hardware", "h800", "--nic", "cx7-400g", "--ep", "320", "--dp", "320",
            "--batch", "128", "--context", "5120", "--mtp", "1", "--weight-dtype", "fp8", "--kv-dtype", "fp8", "--pipeline", "dual-micro-batch",
            "--efficiency", "published", "--layers", "sparse-times-all", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var decode = doc.RootElement.GetProperty("decode");
        Assert.Equal(2, decode.GetProperty("microBatches").GetInt32());
        Assert.Equal(0.85, decode.GetProperty("acceptedTokensPerStep").GetDouble(), 9);
        Assert.Contains(decode.GetProperty("breakdown").EnumerateArray(), b => b.GetProperty("source").GetString() == "published:deepgemm");
        Assert.Contains(decode.GetProperty("breakdown").EnumerateArray(), b => b.GetProperty("name").GetString() == "ep_combine" && b.GetProperty("source").GetString() == "nic");
        // 61 layers x 576 x 1 B of fp8 KV per token.
        Assert.Equal(35_136, doc.RootElement.GetProperty("memory").GetProperty("kvBytesPerToken").GetInt64());
    }

    [Fact]
    public void Tp_not_dividing_the_heads_exits_2_with_a_canonical_diagnostic()
    {
        var (code, output, error) = AppHarness.Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--tp", "3");
        Assert.Equal(2, code);
        Assert.Empty(output);
        // A built-in model is embedded: no file to point at, so the finding is reported against the command.
        Assert.StartsWith("perfgate: error PG3001: TP 3 does not divide the 32 attention heads of llama-3-8b; use a TP of 1, 2, 4, 8, 16, 32\n", error, StringComparison.Ordinal);
        Assert.DoesNotContain("builtin:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_batch_that_does_not_fit_is_a_finding_exit_1_shown_without_a_full_result()
    {
        var (tableCode, table, tableError) = AppHarness.Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--batch", "512", "--context", "8192");
        Assert.Equal(1, tableCode);
        Assert.DoesNotContain("step ", table, StringComparison.Ordinal);
        Assert.Contains("error PG3002: batch 512 does not fit on h100-sxm", tableError, StringComparison.Ordinal);

        // JSON stays complete (machines read "fits": false), with the same exit code.
        var (code, output, error) = AppHarness.Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--batch", "512", "--context", "8192", "--json");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("memory").GetProperty("fits").GetBoolean());
        Assert.Contains("error PG3002: batch 512 does not fit on h100-sxm", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Context_0_says_memory_does_not_limit_the_batch_instead_of_int_max()
    {
        var (code, output, _) = AppHarness.Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--batch", "1", "--context", "0");
        Assert.Equal(0, code);
        Assert.Contains("no KV cache at context 0, so memory does not limit the batch", output, StringComparison.Ordinal);
        Assert.DoesNotContain("2147483647", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fractional_batch_is_refused_without_offering_negative_batches()
    {
        var (code, _, err) = AppHarness.Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--batch", "8.5");
        Assert.Equal(2, code);
        Assert.Contains("Cannot parse argument '8.5' for option '--batch' as a whole number; write digits only (no decimal point or separators, at most 2147483647), e.g. 8", err, StringComparison.Ordinal);
        Assert.DoesNotContain("-2147483648", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_ids_and_bad_values_are_usage_errors()
    {
        var (code, _, error) = AppHarness.Run("estimate", "--model", "llama3", "--hardware", "h100", "--pipeline", "fast");
        Assert.Equal(2, code);
        Assert.Contains("--model: unknown model 'llama3'", error, StringComparison.Ordinal);
        Assert.Contains("(did you mean 'h100-sxm'?)", error, StringComparison.Ordinal);
        Assert.Contains("--pipeline: 'fast' is not valid; use one of naive, dual-micro-batch", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_yaml_path_works_for_the_model()
    {
        var dir = Directory.CreateTempSubdirectory("perfgate-est-");
        try
        {
            var text = BuiltInCatalog.ReadResources().Single(r => r.Name.EndsWith("llama-3-8b.yaml", StringComparison.Ordinal)).Text
                .Replace("id: llama-3-8b", "id: my-llama", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir.FullName, "my-llama.yaml"), text);
            var (code, output, error) = AppHarness.Run(dir.FullName, (IReadOnlyDictionary<string, string>?)null, "estimate", "--model", "my-llama.yaml", "--hardware", "h100-sxm", "--json");
            Assert.True(code == 0, error);
            using var doc = JsonDocument.Parse(output);
            Assert.Equal("my-llama", doc.RootElement.GetProperty("model").GetString());
            Assert.Equal(16_060_522_496, doc.RootElement.GetProperty("memory").GetProperty("weightBytesPerCard").GetInt64());

            var (missing, _, missingError) = AppHarness.Run(dir.FullName, (IReadOnlyDictionary<string, string>?)null, "estimate", "--model", "nope.yaml", "--hardware", "h100-sxm");
            Assert.Equal(2, missing);
            Assert.Contains("nope.yaml: error PG2010: file not found; pass the path of a YAML model document for --model (or a built-in model id)", missingError, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_hardware_yaml_can_point_at_its_own_calibration_folder()
    {
        var dir = Directory.CreateTempSubdirectory("perfgate-cal-");
        try
        {
            var text = BuiltInCatalog.ReadResources().Single(r => r.Name.EndsWith("h100-sxm.yaml", StringComparison.Ordinal)).Text
                .Replace("id: h100-sxm", "id: lab-h100", StringComparison.Ordinal)
                .Replace("calibration: embedded:h100-sxm", "calibration: tables", StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(dir.FullName, "lab-h100.yaml"), text);
            var tables = Directory.CreateDirectory(Path.Combine(dir.FullName, "tables"));
            File.WriteAllText(Path.Combine(tables.FullName, "gemm.csv"), "dtype,m,n,k,time_us\nbf16,1,4096,4096,20.0\nbf16,64,4096,4096,30.0\n");
            File.WriteAllText(Path.Combine(tables.FullName, "attention_decode.csv"), "dtype,batch,q_heads,kv_heads,head_dim,context,time_us\nbf16,1,32,8,128,4096,10.0\n");
            File.WriteAllText(Path.Combine(tables.FullName, "bandwidth.csv"), "op,bytes_moved,time_us\ncopy,1000000000,400.0\ntiny_kernel,4,2.0\n");

            var (code, output, error) = AppHarness.Run(dir.FullName, (IReadOnlyDictionary<string, string>?)null, "estimate", "--model", "llama-3-8b", "--hardware", "lab-h100.yaml", "--json");
            Assert.True(code == 0, error);
            using var doc = JsonDocument.Parse(output);
            var ops = doc.RootElement.GetProperty("decode").GetProperty("breakdown").EnumerateArray().ToArray();
            // o_proj is 4096 x 4096 at m = 1: the folder's 20.0 us row, exactly.
            var o = ops.Single(b => b.GetProperty("name").GetString() == "o_proj");
            Assert.Equal(20.0, o.GetProperty("timeUs").GetDouble());
            Assert.Equal("measured:gemm", o.GetProperty("source").GetString());
            // One GEMM shape cannot give the fixed per-kernel part (KernelFit needs two m = 1 rows of 4-64 MiB), so an
            // element-wise kernel is the documented 3 us default plus its 24,576 bytes at the folder's copy
            // bandwidth (1e9 B / 400 us = 2.5 TB/s): 3 + 0.00983 us.
            Assert.Equal(3.00983, ops.Single(b => b.GetProperty("name").GetString() == "attn_norm").GetProperty("timeUs").GetDouble());

            File.WriteAllText(Path.Combine(tables.FullName, "gemm.csv"), "dtype,m,n,k,time_us\nbf16,1,4096,4096,20,0\nbf16,x,4096,4096,30.0\n");
            var (bad, _, badError) = AppHarness.Run(dir.FullName, (IReadOnlyDictionary<string, string>?)null, "estimate", "--model", "llama-3-8b", "--hardware", "lab-h100.yaml");
            Assert.Equal(2, bad);
            Assert.Contains(Path.Combine(tables.FullName, "gemm.csv") + "(3,1): error PG3007: gemm.csv: column m: 'x' is not a positive whole number", badError, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Json_numbers_are_invariant_under_a_comma_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var (code, output, _) = AppHarness.Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--json");
            Assert.Equal(0, code);
            using var doc = JsonDocument.Parse(output);
            Assert.True(doc.RootElement.GetProperty("decode").GetProperty("stepMs").GetDouble() > 6);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
