using PerfGate.Cli.Rendering;
using PerfGate.Reports;
using PerfGate.Tests.Reports;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Rendering;

/// <summary>The console report (Core's model drawn by the CLI's Spectre.Console renderer), snapshot-tested under every culture.</summary>
public sealed class SpectreConsoleReportRendererTests
{
    private static string Render(bool colour) =>
        new ConsoleReport().Render(SampleResults.Mixed(), new ReportContext(p => p) { Colour = colour, ConsoleRenderer = SpectreConsoleReportRenderer.Instance });

    // Culture-invariant like every output: byte-identical under the invariant culture and de-DE (decimal comma).
    [Fact]
    public void Console_is_the_same_in_every_culture() =>
        SnapshotAssert.MatchesInEveryCulture(() => Render(colour: false), "Report.mixed.console", "txt");

    // A setting-only drift (its rows name the setting) and stale provenance (a footer with the approve command).
    [Fact]
    public void Console_shows_setting_drift_and_stale_provenance() =>
        SnapshotAssert.MatchesInEveryCulture(
            () => new ConsoleReport().Render(Gate.SampleProvenance.Result(), new ReportContext(p => p) { ConsoleRenderer = SpectreConsoleReportRenderer.Instance }),
            "Report.provenance.console",
            "txt");

    // A check of more than 50 scenarios: the two that say something, then one row counting the plainly equal rest.
    [Fact]
    public void Console_counts_the_plainly_equal_scenarios_of_a_large_check() =>
        SnapshotAssert.MatchesInEveryCulture(
            () => new ConsoleReport().Render(SampleResults.Large(), new ReportContext(p => p) { ConsoleRenderer = SpectreConsoleReportRenderer.Instance }),
            "Report.large.console",
            "txt");

    [Fact]
    public void Console_uses_colour_only_when_asked()
    {
        Assert.DoesNotContain("\u001b[", Render(colour: false), StringComparison.Ordinal);
        Assert.Contains("\u001b[", Render(colour: true), StringComparison.Ordinal);
    }

    // Headers and cells are data, drawn as plain text: no markup is parsed, so brackets and emoji shortcodes stay as written.
    [Fact]
    public void Headers_and_cells_are_drawn_as_written()
    {
        var model = new ConsoleReportModel(
            new ConsoleCell("1 scenario"),
            [new ConsoleColumn("[id]"), new ConsoleColumn(":fire: figures", RightAligned: true, Wrap: false)],
            [[new ConsoleCell("qwq-[b]"), new ConsoleCell(":rocket: 3 [/]")]],
            []);
        var text = SpectreConsoleReportRenderer.Instance.Render(model, colour: false, width: 80);
        foreach (var written in new[] { "[id]", ":fire: figures", "qwq-[b]", ":rocket: 3 [/]" })
        {
            Assert.Contains(written, text, StringComparison.Ordinal);
        }
    }
}
