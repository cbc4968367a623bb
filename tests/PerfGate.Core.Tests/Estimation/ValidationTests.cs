using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

public sealed class ValidationTests
{
    private static DecodeRequest Llama => new() { Model = Fixtures.Llama3_8B, Hardware = Fixtures.H100, Efficiency = EfficiencySource.Roofline };

    [Fact]
    public void Tp_that_does_not_divide_the_heads_is_an_error_listing_valid_values()
    {
        var outcome = DecodeEstimator.Estimate(Llama with { Parallelism = new Parallelism(Tp: 3) });
        Assert.Null(outcome.Estimate);
        var d = outcome.Diagnostics.First();
        Assert.Equal(DiagnosticIds.InvalidParallelism, d.Id);
        Assert.Equal("TP 3 does not divide the 32 attention heads of llama-3-8b; use a TP of 1, 2, 4, 8, 16, 32", d.Message);
    }

    [Fact]
    public void Ep_larger_than_the_cards_is_an_error()
    {
        var outcome = DecodeEstimator.Estimate(new DecodeRequest
        {
            Model = Fixtures.DeepSeekV3,
            Hardware = SeedFixtures.H800,
            Nic = Fixtures.Cx7,
            Parallelism = new Parallelism(1, 320, 1),
        });
        Assert.Null(outcome.Estimate);
        Assert.Contains(outcome.Diagnostics, d => d.Id == DiagnosticIds.InvalidParallelism
            && d.Message == "EP 320 is larger than the 1 cards of the deployment (TP 1 x DP 1); raise DP to at least 320 or lower EP");
    }

    [Fact]
    public void Ep_above_the_routed_experts_is_estimated_with_a_warning_about_redundant_copies()
    {
        // The DeepSeek EP post searches EP 320 for DeepSeek-V3's 256 experts: one expert per card, 64 cards of copies.
        var outcome = DecodeEstimator.Estimate(new DecodeRequest
        {
            Model = Fixtures.DeepSeekV3,
            Hardware = SeedFixtures.H800,
            Nic = Fixtures.Cx7,
            Parallelism = new Parallelism(1, 320, 320),
            Context = 100,
        });
        Assert.NotNull(outcome.Estimate);
        var d = Assert.Single(outcome.Diagnostics, d => d.Severity == Severity.Warning && d.Id == DiagnosticIds.InvalidParallelism);
        Assert.Equal("EP 320 is more than the 256 routed experts of deepseek-v3: each card holds one expert and 64 cards hold redundant copies; use EP 256 or less unless you deploy redundant experts", d.Message);
    }

    [Fact]
    public void Context_0_holds_no_kv_cache_so_memory_sets_no_batch_limit()
    {
        var memory = DecodeEstimator.Estimate(Llama with { Context = 0 }).Estimate!.Memory;
        Assert.False(memory.LimitsBatch);
        Assert.True(DecodeEstimator.Estimate(Llama with { Context = 1 }).Estimate!.Memory.LimitsBatch);
    }

    [Fact]
    public void Cards_beyond_the_limit_are_refused_instead_of_overflowing()
    {
        // TP 2 x DP 2,147,483,647 = 4,294,967,294 cards: as int it wrapped to -2 and the message spoke of "-2 cards".
        var d = Assert.Single(DecodeEstimator.Validate(Llama with { Parallelism = new Parallelism(2, 1, int.MaxValue) }));
        Assert.Equal(DiagnosticIds.InvalidParallelism, d.Id);
        Assert.Equal("TP 2 x DP 2147483647 = 4294967294 cards with EP 1 is more than the 65536 cards PerfGate models; use degrees whose product is at most 65536", d.Message);
    }

    [Fact]
    public void Ep_on_a_dense_model_and_ep_without_a_link_are_errors()
    {
        Assert.Contains(DecodeEstimator.Validate(Llama with { Parallelism = new Parallelism(1, 2, 2) }), d => d.Message.Contains("needs a mixture-of-experts model", StringComparison.Ordinal));
        var noLink = DecodeEstimator.Validate(new DecodeRequest { Model = Fixtures.DeepSeekV3, Hardware = SeedFixtures.H800, Parallelism = new Parallelism(1, 8, 8) });
        Assert.Contains(noLink, d => d.Id == DiagnosticIds.MissingLink && d.Message.Contains("pass --nic", StringComparison.Ordinal));
    }

    [Fact]
    public void A_batch_that_does_not_fit_is_estimated_but_flagged()
    {
        var outcome = DecodeEstimator.Estimate(Llama with { Batch = 512, Context = 8192 });
        Assert.NotNull(outcome.Estimate);
        Assert.False(outcome.Estimate!.Fits);
        Assert.True(outcome.HasErrors);
        var d = Assert.Single(outcome.Diagnostics, x => x.Id == DiagnosticIds.DoesNotFit);
        // (81,559 MiB - 14.96 GiB) / 1 GiB per sequence at 8192 tokens = 64.
        Assert.Equal("batch 512 does not fit on h100-sxm: weights 14.96 GiB + KV cache 512 GiB (512 x 1 GiB at context 8192) exceed 79.65 GiB; the largest batch that fits is 64", d.Message);
    }

    [Fact]
    public void Measured_efficiency_without_tables_is_an_error()
    {
        var d = Assert.Single(DecodeEstimator.Validate(Llama with { Efficiency = EfficiencySource.Measured }));
        Assert.Equal(DiagnosticIds.EfficiencyDataMissing, d.Id);
    }

    [Fact]
    public void Fp8_on_a_card_without_fp8_or_int8_is_an_error_naming_the_supported_types()
    {
        var old = Fixtures.H100 with { Id = "v100", Fp8 = null, Int8 = null };
        var d = Assert.Single(DecodeEstimator.Validate(Llama with { Hardware = old, Dtypes = new DtypeSettings(DataType.Fp8) }));
        Assert.Equal("v100 has no fp8 matrix throughput in its profile; use one of fp32, bf16, fp16", d.Message);
    }

    [Theory]
    [InlineData(0, 10, 0, 0.85, "batch 0 must be at least 1")]
    [InlineData(1, -1, 0, 0.85, "context -1 must be zero or more")]
    [InlineData(1, 10, -1, 0.85, "mtp -1 must be between 0 and 16")]
    [InlineData(1, 10, 1, 1.5, "MTP acceptance 1.5 must be between 0 and 1")]
    public void Bad_decode_settings_are_errors(int batch, int context, int mtp, double acceptance, string message)
    {
        var diagnostics = DecodeEstimator.Validate(Llama with { Batch = batch, Context = context, Mtp = mtp, MtpAcceptance = acceptance });
        Assert.Contains(diagnostics, d => d.Id == DiagnosticIds.InvalidDecodeSetting && d.Message.StartsWith(message, StringComparison.Ordinal));
    }
}
