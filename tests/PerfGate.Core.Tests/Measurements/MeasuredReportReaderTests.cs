using PerfGate.Diagnostics;
using PerfGate.Measurements;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Measurements;

/// <summary>Benchmark reports named on a command line, with their sidecars, read through the port; what is wrong is located.</summary>
public sealed class MeasuredReportReaderTests
{
    private static InMemoryFileSystem Files() => new() { ["/w/runs/vllm.json"] = MeasuredTestData.Input("vllm.json").Text };

    [Fact]
    public void The_command_line_beats_the_sidecar_which_beats_the_report()
    {
        var fs = Files();
        fs["/w/runs/vllm.json.perfgate.yaml"] = "hardware: a100-80g\ncards: 4\n";
        var problems = new List<Diagnostic>();

        var runs = new MeasuredReportReader(fs, "/w").Read(["runs/vllm.json"], null, new MeasuredSystem(null, null, null, 2, null), problems);

        Assert.DoesNotContain(problems, p => p.Severity == Severity.Error);
        var system = Assert.Single(runs).System;
        Assert.Equal(("a100-80g", 2), (system.Hardware, system.Cards));
        Assert.Equal("runs/vllm.json", runs[0].Source.File);
    }

    [Fact]
    public void A_missing_report_and_a_bad_card_count_are_both_reported()
    {
        var problems = new List<Diagnostic>();

        var runs = new MeasuredReportReader(Files(), "/w").Read(["gone.json"], null, new MeasuredSystem(null, null, null, 0, null), problems);

        Assert.Empty(runs);
        Assert.Equal(
            ["perfgate: error PG2014: --cards: 0 must be at least 1", "gone.json: error PG2010: file not found; pass the path of a benchmark report (" + MeasuredFormats.Ids + ")"],
            problems.Select(p => p.ToCanonicalString()));
    }

    [Fact]
    public void A_sidecar_that_is_not_utf8_is_an_error_at_the_sidecar()
    {
        var fs = Files();
        fs.Add("/w/runs/vllm.json.perfgate.yaml", [0x63, 0x3a, 0xff, 0x0a]);
        var problems = new List<Diagnostic>();

        var files = new MeasuredReportReader(fs, "/w").ReadFiles(["runs/vllm.json"], problems);

        Assert.Equal("runs/vllm.json.perfgate.yaml", Assert.Single(problems).Location.File);
        Assert.Null(Assert.Single(files).SidecarText);
    }

    [Fact]
    public void A_report_without_a_sidecar_is_read_as_it_is()
    {
        var problems = new List<Diagnostic>();

        var file = Assert.Single(new MeasuredReportReader(Files(), "/w").ReadFiles(["runs/vllm.json"], problems));

        Assert.Empty(problems);
        Assert.Equal(("runs/vllm.json", null), (file.Path, file.SidecarText));
        Assert.StartsWith("{", file.Text, StringComparison.Ordinal);
    }
}
