using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Prefill;

namespace PerfGate.Tests.Prefill;

public sealed class PrefillValidationTests
{
    private static readonly CatalogSet Catalog = BuiltInCatalog.Load();

    private static PrefillRequest Request() => new() { Deployment = PrefillEstimatorTests.Deployment("qwq-32b", "h100-sxm"), Prompt = 4000 };

    private static Diagnostic OnlyError(PrefillRequest r)
    {
        var outcome = PrefillEstimator.Estimate(r, key => new SourceLocation("s.yaml", key.Length, 3), key => "prefill." + key);
        Assert.Null(outcome.Estimate);
        return Assert.Single(outcome.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Theory]
    [InlineData(1.5)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public void A_prefix_hit_outside_0_to_1_is_located(double hit)
    {
        var d = OnlyError(Request() with { PrefixHit = hit, Tier = Catalog.Storage["ssd"] });
        Assert.Equal(DiagnosticIds.InvalidPrefillSetting, d.Id);
        Assert.StartsWith("'prefill.prefixHit': ", d.Message, StringComparison.Ordinal);
        Assert.Contains("between 0 and 1", d.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("s.yaml", "prefixHit".Length, 3), d.Location);
    }

    [Fact]
    public void A_prompt_longer_than_the_context_window_names_the_window()
    {
        var d = OnlyError(Request() with { Prompt = 50000 });
        Assert.Equal(DiagnosticIds.PromptExceedsContextWindow, d.Id);
        Assert.Equal("'prefill.prompt': 50000 tokens is longer than qwq-32b's context window of 40960 (maxPositionEmbeddings); use at most 40960", d.Message);
    }

    [Fact]
    public void Chunk_0_concurrency_0_and_a_hit_without_a_tier_are_errors()
    {
        Assert.Contains("a chunked prefill step takes at least 1 token", OnlyError(Request() with { Chunk = 0 }).Message, StringComparison.Ordinal);
        Assert.Equal("'prefill.concurrency': 0; at least 1 request must arrive", OnlyError(Request() with { Concurrency = 0 }).Message);
        Assert.StartsWith("'prefill.prefixTier': missing", OnlyError(Request() with { PrefixHit = 0.5 }).Message, StringComparison.Ordinal);
        Assert.Equal(DiagnosticIds.InvalidPrefillSetting, OnlyError(Request() with { Prompt = 0 }).Id);
    }
}
