using System.Text.Json;

namespace PerfGate.Tests.Commands;

public sealed class PrefillEstimateCommandTests
{
    [Fact]
    public void Json_gains_a_prefill_object_with_ttft_breakdown_cached_ttft_and_speedup()
    {
        var (code, output, error) = AppHarness.Run("estimate", "--model", "qwq-32b", "--hardware", "h100-sxm", "--prompt", "8000", "--concurrency", "2",
            "--prefix-hit", "0.8", "--prefix-tier", "dram", "--json");
        Assert.True(code == 0, error);
        using var doc = JsonDocument.Parse(output);
        var p = doc.RootElement.GetProperty("prefill");
        var ttft = p.GetProperty("ttftMs").GetDouble();
        Assert.True(p.GetProperty("maxTtftMs").GetDouble() >= ttft);
        Assert.True(ttft > p.GetProperty("singleTtftMs").GetDouble());
        Assert.Contains(p.GetProperty("breakdown").EnumerateArray(), b => b.GetProperty("name").GetString() == "attention" && b.GetProperty("source").GetString() == "published:fa3-causal");
        var cached = p.GetProperty("cachedTtftMs").GetDouble();
        Assert.Equal(ttft / cached, p.GetProperty("speedup").GetDouble(), 4);
        Assert.Equal(6400, p.GetProperty("cachedTokens").GetInt32());
        Assert.Equal("dram", p.GetProperty("prefixTier").GetString());
    }

    [Theory]
    [InlineData("--prefix-hit", "1.5", "PG3020", "'--prefix-hit': 1.5 is outside [0, 1]")]
    [InlineData("--prefix-hit", "-0.5", "PG3020", "'--prefix-hit': -0.5 is outside [0, 1]")]
    [InlineData("--chunk", "0", "PG3020", "'--chunk': 0; a chunked prefill step takes at least 1 token")]
    [InlineData("--concurrency", "0", "PG3020", "'--concurrency': 0; at least 1 request must arrive")]
    [InlineData("--prompt", "50000", "PG3021", "'--prompt': 50000 tokens is longer than qwq-32b's context window of 40960")]
    public void Bad_prefill_input_exits_2_with_the_option_named(string option, string value, string id, string message)
    {
        var args = new List<string> { "estimate", "--model", "qwq-32b", "--hardware", "h100-sxm", "--prefix-tier", "ssd" };
        if (option != "--prompt")
        {
            args.AddRange(["--prompt", "4000"]);
        }

        args.AddRange([option, value]);
        var (code, output, error) = AppHarness.Run([.. args]);
        Assert.Equal(2, code);
        Assert.Empty(output);
        Assert.StartsWith($"perfgate: error {id}: {message}", error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_tier_exits_2_and_lists_the_known_ones()
    {
        var (code, _, error) = AppHarness.Run("estimate", "--model", "qwq-32b", "--hardware", "h100-sxm", "--prompt", "4000", "--prefix-hit", "0.8", "--prefix-tier", "nvme");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate: error PG2008: --prefix-tier: unknown storage 'nvme'", error, StringComparison.Ordinal);
        Assert.Contains("dram, hbm, rdma, ssd", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Prefill_options_without_a_prompt_exit_2()
    {
        var (code, _, error) = AppHarness.Run("estimate", "--model", "qwq-32b", "--hardware", "h100-sxm", "--chunk", "512");
        Assert.Equal(2, code);
        Assert.Contains("give the prompt length with --prompt", error, StringComparison.Ordinal);
    }
}
