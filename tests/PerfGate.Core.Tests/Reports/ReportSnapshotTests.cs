using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Reports;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Reports;

/// <summary>
/// Every report format, snapshot-tested through the product's own baseline store, rendered under the
/// invariant culture and under de-DE (decimal comma). File and CI formats must not change with the
/// culture; the console report shows numbers in the culture it is given.
/// </summary>
public sealed class ReportSnapshotTests
{
    private static readonly Func<string, string> Relative = p => p;

    public static TheoryData<string> Cultures => new() { "", "de-DE" };

    private static string Under(string culture, Func<string> render) =>
        CultureScope.Run(culture.Length == 0 ? "" : culture, render);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Markdown(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => MarkdownReport.Render(SampleResults.Mixed(), Relative)), "Report.mixed", "md");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Markdown_when_everything_is_equal(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => MarkdownReport.Render(SampleResults.AllEqual(), Relative)), "Report.equal", "md");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Json(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => JsonReport.Render(SampleResults.Mixed(), Relative)), "Report.mixed", "json");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void JUnit(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => JUnitReport.Render(SampleResults.Mixed(), Relative)), "Report.mixed.junit", "xml");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void MsBuild_diagnostics(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => DiagnosticFormatter.MsBuild(GateDiagnostics.Create(SampleResults.Mixed(), Severity.Error, Relative))), "Report.mixed.msbuild", "txt");

    [Theory]
    [MemberData(nameof(Cultures))]
    public void GitHub_annotations_as_warnings(string culture) =>
        SnapshotAssert.Matches(Under(culture, () => DiagnosticFormatter.GitHub(GateDiagnostics.Create(SampleResults.Mixed(), Severity.Warning, Relative))), "Report.mixed.github", "txt");

    // Culture-invariant like every output: byte-identical under the invariant culture and de-DE (decimal comma).
    [Fact]
    public void Console_is_the_same_in_every_culture() =>
        SnapshotAssert.MatchesInEveryCulture(() => ConsoleReport.Render(SampleResults.Mixed(), colour: false), "Report.mixed.console", "txt");

    [Fact]
    public void Console_uses_colour_only_when_asked()
    {
        var plain = ConsoleReport.Render(SampleResults.Mixed(), colour: false);
        var coloured = ConsoleReport.Render(SampleResults.Mixed(), colour: true);
        Assert.DoesNotContain("\u001b[", plain, StringComparison.Ordinal);
        Assert.Contains("\u001b[", coloured, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_drift_message_ends_with_its_approve_command()
    {
        foreach (var f in GateDiagnostics.Create(SampleResults.Mixed(), Severity.Error, Relative))
        {
            var scenario = f.Diagnostic.Message[..f.Diagnostic.Message.IndexOf(':', StringComparison.Ordinal)];
            Assert.EndsWith($"perfgate approve {scenario}", f.Diagnostic.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void GitHub_annotations_are_capped_at_ten_largest_first()
    {
        var builder = new SnapshotBuilder("wide", "0.1.0");
        var changed = new SnapshotBuilder("wide", "0.1.0");
        for (var i = 1; i <= 12; i++)
        {
            builder.Number($"m{i:00}", 100);
            changed.Number($"m{i:00}", 100 + i);
        }

        var result = SnapshotComparer.Compare([Gate.SampleSnapshots.Current(changed.Build())], [Gate.SampleSnapshots.Document(builder.Build())], [], id => id);
        var findings = GateDiagnostics.Create(result, Severity.Error, Relative);
        Assert.Equal(11, findings.Count); // 10 figures + "and 2 more"
        var lines = DiagnosticFormatter.GitHub(findings).TrimEnd('\n').Split('\n');
        Assert.Equal(11, lines.Length);
        Assert.Contains("m12 100 -> 112 (+12 %", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("::notice title=PerfGate::1 more finding(s)", lines[10], StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_details_are_capped_so_the_job_summary_stays_small()
    {
        var builder = new SnapshotBuilder("wide", "0.1.0");
        var changed = new SnapshotBuilder("wide", "0.1.0");
        for (var i = 1; i <= 70; i++)
        {
            builder.Number($"m{i:00}", 100);
            changed.Number($"m{i:00}", 101);
        }

        var result = SnapshotComparer.Compare([Gate.SampleSnapshots.Current(changed.Build())], [Gate.SampleSnapshots.Document(builder.Build())], [], id => id);
        var markdown = MarkdownReport.Render(result, Relative);
        Assert.Contains("| ... and 10 more (see the received file", markdown, StringComparison.Ordinal);
        Assert.Equal(MarkdownReport.MaxRowsPerScenario, markdown.Split('\n').Count(l => l.StartsWith("| `m", StringComparison.Ordinal)));
    }

    [Theory]
    // 71.5508 -> 71.5534 tok/s is +0.00363 %: a small change must not read as "0 %".
    [InlineData(0.0036338, "+0.00363 %")]
    [InlineData(-33.3333, "-33.3 %")]
    [InlineData(337.5, "+338 %")]
    [InlineData(0.0, "0 %")]
    public void Percentages_keep_three_significant_digits(double percent, string expected) =>
        Assert.Equal(expected, ReportFormat.Percent(percent, CultureInfo.InvariantCulture));
}
