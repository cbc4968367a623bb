using PerfGate.Estimation;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Estimation;

/// <summary>
/// Seed 002's configuration search against its two published tables, row by row. The seed's model code is not
/// published in full; the Estimation README lists every row's difference and what causes it. These tests pin
/// the agreement reached so that a change that loses it fails.
/// </summary>
public sealed class SeedReproductionTests
{
    private static SearchResult Run(double target) => ConfigurationSearch.Run(new SearchRequest
    {
        Model = Fixtures.DeepSeekV3,
        Hardware = SeedFixtures.Cards,
        Nics = SeedFixtures.Nics,
        TargetUserTokensPerSecond = target,
    });

    private static SearchRow? Ours(SearchResult result, SearchRow published) => result.Rows.SingleOrDefault(r =>
        r.Gpu == published.Gpu && r.Nic == published.Nic && r.Ep == published.Ep && r.NonExpertElementBytes == published.NonExpertElementBytes);

    public static TheoryData<double> Targets => [20.0, 15.0];

    private static IReadOnlyList<SearchRow> Published(double target) => target == 20 ? SeedPublishedTables.Target20 : SeedPublishedTables.Target15;

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_published_configuration_key_is_found(double target)
    {
        var result = Run(target);
        foreach (var p in Published(target))
        {
            Assert.True(Ours(result, p) is not null, $"{p.Gpu} {p.Nic} EP {p.Ep} non-expert {p.NonExpertElementBytes}");
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Every_row_meets_the_target_and_the_table_is_sorted_and_deduplicated(double target)
    {
        var result = Run(target);
        Assert.All(result.Rows, r => Assert.True(r.UserTokensPerSecond >= target));
        Assert.Equal(result.Rows.OrderByDescending(r => r.ThroughputPerCard), result.Rows);
        Assert.Equal(result.Rows.Count, result.Rows.Select(r => (r.Gpu, r.Nic, r.Ep, r.NonExpertElementBytes)).Distinct().Count());
        Assert.All(result.Rows, r => Assert.Equal(0, r.Batch % 8));
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void H800_rows_are_within_15_percent_of_the_published_throughput(double target)
    {
        // H800 rows are communication- and DeepGEMM-bound, the parts of the seed its text states exactly.
        var result = Run(target);
        foreach (var p in Published(target).Where(p => p.Gpu == "H800"))
        {
            var o = Ours(result, p)!;
            Assert.InRange(o.ThroughputPerCard / p.ThroughputPerCard, 0.85, 1.15);
        }
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Median_throughput_difference_over_all_rows_is_below_6_percent(double target)
    {
        var result = Run(target);
        var deviations = Published(target).Select(p => Math.Abs((Ours(result, p)!.ThroughputPerCard / p.ThroughputPerCard) - 1)).Order().ToArray();
        var median = deviations[deviations.Length / 2];
        Assert.True(median < 0.06, $"median {median:P1}");
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public void Naive_rows_at_batch_32_and_above_are_within_11_percent(double target)
    {
        // The seed's naive rows on A100, H20 and L20 at batch >= 32 (its rows at batch 16 and 24 are the open
        // difference described in the README).
        var result = Run(target);
        foreach (var p in Published(target).Where(p => p.Pipeline == PipelineKind.Naive && p.Batch >= 32))
        {
            Assert.InRange(Ours(result, p)!.ThroughputPerCard / p.ThroughputPerCard, 0.89, 1.11);
        }
    }

    [Fact]
    public void The_top_configuration_matches_the_seed_within_2_percent()
    {
        // Seed: H800, CX7, dual micro-batch, EP 320, fp8 KV and non-expert weights, batch 128: 3,702.8 tokens/s per card.
        var top = Run(20).Rows[0];
        Assert.Equal(("H800", "CX7 400Gbps", PipelineKind.DualMicroBatch, 320, 1, 1, 128), (top.Gpu, top.Nic, top.Pipeline, top.Ep, top.KvElementBytes, top.NonExpertElementBytes, top.Batch));
        Assert.InRange(top.ThroughputPerCard / 3702.83011, 0.98, 1.02);
    }
}
