using PerfGate.Reports;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Run;

/// <summary>merge's front-end side: the shard reports read through the port, and which reports a merge writes.</summary>
public sealed class ShardMergeFilesTests
{
    private static ReportRequest Request(string text)
    {
        Assert.True(ReportRequest.TryParse(text, out var request, out var error), error);
        return request;
    }

    [Fact]
    public void A_missing_shard_report_is_an_error_at_its_absolute_path_and_the_others_are_not_merged()
    {
        var fs = new InMemoryFileSystem { ["/w/s1.json"] = "{}" };

        var merged = ShardMerge.Merge(fs, "/w", ["s1.json", "out/s2.json"]);

        Assert.False(merged.Succeeded);
        Assert.Equal("/w/out/s2.json: error PG2010: the shard report does not exist; give the JSON report each perfgate check --shard i/n wrote", Assert.Single(merged.Errors).ToCanonicalString());
    }

    [Fact]
    public void The_reports_are_read_from_the_current_directory()
    {
        var fs = new InMemoryFileSystem { ["/w/s1.json"] = "not json" };

        var merged = ShardMerge.Merge(fs, "/w", ["s1.json"]);

        Assert.Equal(["/w/s1.json"], fs.Reads);
        Assert.Equal("PG5201", Assert.Single(merged.Errors).Id);
    }

    [Theory]
    [InlineData("console", true)]
    [InlineData("json=all.json", true)]
    [InlineData("bmf", true)]
    [InlineData("markdown", false)]
    [InlineData("junit=r.xml", false)]
    public void A_merge_writes_the_summary_the_json_and_the_chart_exports_only(string value, bool written)
    {
        var refusal = ShardMerge.Refusal(Request(value), value);

        Assert.Equal(written, refusal is null);
        if (refusal is not null)
        {
            Assert.Equal($"--report '{value}': merge writes console, json, bmf, github-benchmark-smaller, github-benchmark-bigger; the other reports need the recomputed drifts, which only check has", refusal);
        }
    }

    [Fact]
    public void The_merge_writes_its_summary_line_and_json_itself_and_leaves_the_exports_to_their_formats()
    {
        var merged = new ShardMergeResult { Result = SampleResults(), Json = "{}\n" };

        Assert.Equal("{}\n", ShardMerge.Text(merged, Request("json=x.json")));
        Assert.Equal(ConsoleReport.Headline(merged.Result) + "\n", ShardMerge.Text(merged, Request("console")));
        Assert.Null(ShardMerge.Text(merged, Request("bmf")));
    }

    private static PerfGate.Gate.GateResult SampleResults() => Tests.Reports.SampleResults.AllEqual();
}
