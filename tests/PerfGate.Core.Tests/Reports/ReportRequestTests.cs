using PerfGate.Reports;
using PerfGate.Run;

namespace PerfGate.Tests.Reports;

/// <summary><c>--report NAME[=FILE]</c>: names and aliases, files only where a format writes one, and check's shard report.</summary>
public sealed class ReportRequestTests
{
    [Theory]
    [InlineData("markdown=out/r.md", "markdown", "out/r.md")]
    [InlineData("md", "markdown", null)]
    [InlineData("console", "console", null)]
    public void A_report_is_a_format_and_an_optional_file(string text, string format, string? file)
    {
        Assert.True(ReportRequest.TryParse(text, out var request, out var error), error);
        Assert.Equal((format, file), (request.Format.Name, request.File));
    }

    [Theory]
    [InlineData("markdwn", "--report 'markdwn' is not a report (did you mean 'markdown'?); use ")]
    [InlineData("console=x.txt", "--report console writes to the terminal only; give no file")]
    [InlineData("json=", "--report json= needs a file name after '='")]
    public void A_bad_report_says_what_to_write(string text, string expected)
    {
        Assert.False(ReportRequest.TryParse(text, out _, out var error));
        Assert.StartsWith(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void No_report_asked_for_is_the_console()
    {
        Assert.Equal([ReportRequest.Console], ReportRequest.ParseAll([]));
        Assert.Equal([ReportRequest.Console], ReportRequest.ForCheck([], shard: null));
    }

    [Fact]
    public void A_shard_writes_its_json_report_unless_one_is_named()
    {
        Assert.True(ScenarioShard.TryParse("2/4", out var shard, out _));

        var defaulted = ReportRequest.ForCheck(["markdown"], shard);
        var named = ReportRequest.ForCheck(["json=mine.json"], shard);

        Assert.Equal(["markdown:", "json:perfgate-shard-2-of-4.json"], defaulted.Select(r => $"{r.Format.Name}:{r.File}"));
        Assert.Equal(["json:mine.json"], named.Select(r => $"{r.Format.Name}:{r.File}"));
    }
}
