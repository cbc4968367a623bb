using PerfGate.Measurements.Accuracy;

namespace PerfGate.Tests.Measurements.Accuracy;

/// <summary>accuracy --markdown FILE: a picture per scenario beside FILE, then FILE linking them by name.</summary>
public sealed class AccuracyFilesTests
{
    [Fact]
    public void The_pictures_come_first_and_the_table_links_them_by_file_name()
    {
        var results = new[] { new AccuracyResult("a", [], []), new AccuracyResult("b", [], []) };

        var files = AccuracyFiles.For(results, "out/acc.md");

        Assert.Equal(["out/acc.md.a.svg", "out/acc.md.b.svg", "out/acc.md"], files.Select(f => f.Path));
        Assert.Equal(AccuracySvg.Render(results[0], "a: measured against estimated"), files[0].Text);
        Assert.Equal(AccuracyReport.Markdown(results, AccuracyReport.ModelNote, r => $"acc.md.{r.Scenario}.svg"), files[2].Text);
    }
}
