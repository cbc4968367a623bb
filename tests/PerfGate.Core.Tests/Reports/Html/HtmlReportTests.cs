using PerfGate.Evaluation;
using PerfGate.Measurements.Accuracy;
using PerfGate.Memory;
using PerfGate.Reports;
using PerfGate.Reports.Html;
using PerfGate.Tests.Memory;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Reports.Html;

/// <summary>
/// The self-contained HTML report: its bytes (snapshot, invariant and de-DE), that it loads nothing from elsewhere,
/// escapes every text it shows, and embeds the memory and accuracy pictures exactly as their own commands draw them.
/// Headless Chromium renders it in <see cref="HtmlReportScreenshotTests"/>.
/// </summary>
public sealed class HtmlReportTests
{
    private static readonly ReportContext Context = new(p => p);

    [Fact]
    public void Snapshot_of_a_mixed_result() =>
        SnapshotAssert.MatchesInEveryCulture(() => new HtmlReport().Render(SampleResults.Mixed(), Context), "Report.mixed", "html");

    [Fact]
    public void Snapshot_when_everything_is_equal() =>
        SnapshotAssert.MatchesInEveryCulture(() => new HtmlReport().Render(SampleResults.AllEqual(), Context), "Report.equal", "html");

    [Fact]
    public void Loads_nothing_from_elsewhere()
    {
        var html = new HtmlReport().Render(SampleResults.Mixed(), Context with { Details = WithPictures() });
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);

        // The only URL is each SVG's namespace name, which is never fetched.
        var urls = System.Text.RegularExpressions.Regex.Matches(html, "https?://[^\"' <]+").Select(m => m.Value).Distinct().ToList();
        Assert.Equal(["http://www.w3.org/2000/svg"], urls);
    }

    [Fact]
    public void Embeds_the_memory_and_accuracy_pictures_as_their_commands_draw_them()
    {
        var details = WithPictures();
        var html = new HtmlReport().Render(SampleResults.Mixed(), Context with { Details = details });
        var qwq = details["qwq-32b-910b3"];
        Assert.Contains(MemoryBudgetSvg.Render(qwq.Memory!, "qwq-32b-910b3: memory per card"), html, StringComparison.Ordinal);
        Assert.Contains(AccuracySvg.Render(qwq.Accuracy!, "qwq-32b-910b3: ITL and TTFT against request rate", null), html, StringComparison.Ordinal);
        Assert.Contains("<h3>Memory per card (now)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Estimates against measurements</h3>", html, StringComparison.Ordinal);

        // Without the host's details the page still renders, without those two pictures.
        var bare = new HtmlReport().Render(SampleResults.Mixed(), Context);
        Assert.DoesNotContain("Memory per card (now)", bare, StringComparison.Ordinal);
        Assert.DoesNotContain("Estimates against measurements", bare, StringComparison.Ordinal);
    }

    [Fact]
    public void Draws_throughput_and_the_decode_breakdown_baseline_against_now()
    {
        var html = new HtmlReport().Render(SampleResults.Mixed(), Context);

        // qwq: batch 8 at 27.123456789 ms -> 8 / 0.027123456789 / 4 = 73.7369 tok/s per card; now 16 at 30 ms -> 133.333.
        Assert.Contains("<title>baseline: 73.7369 tok/s</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>now: 133.333 tok/s</title>", html, StringComparison.Ordinal);

        // The removed scenario has only a baseline bar, the new one only a current bar.
        Assert.Contains("now: none", html, StringComparison.Ordinal);
        Assert.Contains("baseline: none", html, StringComparison.Ordinal);

        // Breakdown: attention is 25 % of the step: 27,123.5 us x 0.25 = 6,780.86 us before, 30,000 x 0.25 = 7,500 us now.
        Assert.Contains("<title>baseline: 6780.86 us</title>", html, StringComparison.Ordinal);
        Assert.Contains("<title>now: 7500 us</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Escapes_every_text_it_shows()
    {
        var snapshot = new PerfGate.Gate.SnapshotBuilder("a<b>&\"c'", "0.1.0")
            .Number("decode.throughput_per_card", 1, "tok/s", PerfGate.Gate.MetricDirection.HigherIsBetter)
            .Label("note", "<script>alert(1)</script>")
            .Build();
        var result = PerfGate.Gate.SnapshotComparer.Compare([Tests.Gate.SampleSnapshots.Current(snapshot)], [], [], id => $"baselines/{id}.verified.txt");
        var html = new HtmlReport().Render(result, Context);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
        Assert.DoesNotContain("a<b>", html, StringComparison.Ordinal);
        Assert.Contains("a&lt;b&gt;&amp;&quot;c&#39;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Footer_names_the_configured_baselines_folder()
    {
        var html = new HtmlReport().Render(SampleResults.Mixed(), Context with { BaselinesFolder = "perf/approved" });
        Assert.Contains("Baselines: <code>perf/approved/*.verified.txt</code>", html, StringComparison.Ordinal);
    }

    /// <summary>qwq's memory budget (seed 003, QwQ-32B on 4 x 910B3) and an accuracy result without rows (its picture says there is no sweep).</summary>
    internal static Dictionary<string, ScenarioDetails> WithPictures() => new(StringComparer.Ordinal)
    {
        ["qwq-32b-910b3"] = new ScenarioDetails
        {
            Memory = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(50)),
            Accuracy = new AccuracyResult("qwq-32b-910b3", [], []),
        },
    };
}
