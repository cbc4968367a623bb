using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Measurements;
using PerfGate.Measurements.Gate;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Run;

/// <summary>Measured baselines in a workspace: perfgate.yaml's gates, compared and approved through the file port.</summary>
public sealed class MeasuredGateRunTests
{
    private const string Settings = "scenarios: []\nbaselines: baselines\nmeasured:\n  - name: serving\n    alpha: 0.01\n    thresholds: { ttft: 20% }\n  - name: nightly\n    minRuns: 1\n";

    private static readonly WorkspaceRunRequest Request = new("/ws");

    /// <summary>One SGLang bench_serving line: a run at concurrency 8 (three lines in a file are three repeats).</summary>
    private static string Line(double ttft) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"backend\": \"sglang\", \"request_rate\": Infinity, \"max_concurrency\": 8, \"completed\": 256, \"request_throughput\": 2.7, \"mean_e2e_latency_ms\": 2950.1, \"mean_ttft_ms\": {ttft}}}\n");

    private static InMemoryFileSystem Workspace(string settings = Settings) => new() { ["/ws/perfgate.yaml"] = settings };

    private static IReadOnlyList<MeasuredRun> Runs(params double[] ttft) =>
        MeasuredImport.Read(new MeasuredInput("new.jsonl", string.Concat(ttft.Select(Line))), null, MeasuredSystem.Unknown).Runs;

    [Fact]
    public void Approve_writes_the_reports_and_sidecars_into_the_gates_folder_and_removes_the_old_ones()
    {
        var files = Workspace();
        files["/ws/baselines/measured/serving/old.jsonl"] = Line(500);
        files["/ws/baselines/measured/serving/old.jsonl.perfgate.yaml"] = "model: x\n";

        var outcome = MeasuredGateRun.Approve(Request, "serving", [new("runs/a.jsonl", Line(600) + Line(610), "model: qwen2-72b\n"), new("b.jsonl", Line(590), null)], files);

        Assert.True(outcome.Succeeded, string.Join("\n", outcome.Diagnostics));
        Assert.Equal(["baselines/measured/serving/a.jsonl", "baselines/measured/serving/b.jsonl"], outcome.BaselineFiles);
        Assert.Equal(["baselines/measured/serving/old.jsonl"], outcome.Removed);
        Assert.Equal(Line(600) + Line(610), files["/ws/baselines/measured/serving/a.jsonl"]);
        Assert.Equal("model: qwen2-72b\n", files["/ws/baselines/measured/serving/a.jsonl.perfgate.yaml"]);
        Assert.False(files.FileExists("/ws/baselines/measured/serving/old.jsonl"));
        Assert.False(files.FileExists("/ws/baselines/measured/serving/old.jsonl.perfgate.yaml"));
    }

    [Fact]
    public void Compare_judges_new_runs_against_the_committed_baseline_with_the_gates_rule()
    {
        // Baseline 600/605/595 ms, new 700/705/695 ms: +16.67 %, below the gate's 20 % floor for ttft: unchanged,
        // although Welch's p is tiny. The same runs regress under a 5 % floor (the 'nightly' gate, one run a side).
        var files = Workspace();
        files["/ws/baselines/measured/serving/base.jsonl"] = Line(600) + Line(605) + Line(595);
        files["/ws/baselines/measured/nightly/base.jsonl"] = Line(600);

        var serving = MeasuredGateRun.Compare(Request, "serving", Runs(700, 705, 695), files);
        Assert.True(serving.Succeeded, string.Join("\n", serving.Diagnostics));
        Assert.Equal(["baselines/measured/serving/base.jsonl"], serving.BaselineFiles);
        var ttft = serving.Comparison!.Metrics.Single(m => m.MetricKey == "ttft.mean");
        Assert.Equal((MeasuredVerdict.Unchanged, 0.2, 0.01), (ttft.Verdict, ttft.Floor, serving.Comparison.Options.Alpha));
        Assert.False(serving.Comparison.HasRegression);

        var nightly = MeasuredGateRun.Compare(Request, "nightly", Runs(700), files);
        Assert.True(nightly.Comparison!.HasRegression);
    }

    [Fact]
    public void The_only_gate_needs_no_name()
    {
        var files = Workspace("scenarios: []\nmeasured:\n  - name: serving\n");
        files["/ws/baselines/measured/serving/base.jsonl"] = Line(600);
        var outcome = MeasuredGateRun.Compare(Request, null, Runs(600), files);
        Assert.Equal("serving", outcome.Gate!.Name);
        Assert.True(outcome.Succeeded);
    }

    [Fact]
    public void An_unknown_gate_several_gates_without_a_name_and_no_gates_are_located_errors()
    {
        var unknown = MeasuredGateRun.Compare(Request, "servng", Runs(600), Workspace());
        Assert.Equal("perfgate.yaml(3,1): error PG5108: --gate: no measured gate 'servng' in perfgate.yaml (did you mean 'serving'?); declared: 'serving', 'nightly'", Assert.Single(unknown.Diagnostics).ToCanonicalString());

        var unnamed = MeasuredGateRun.Approve(Request, null, [new("a.jsonl", Line(600), null)], Workspace());
        Assert.Equal("perfgate.yaml(3,1): error PG5108: perfgate.yaml declares 2 measured gates; name one with --gate: 'serving', 'nightly'", Assert.Single(unnamed.Diagnostics).ToCanonicalString());

        var none = MeasuredGateRun.Compare(Request, null, Runs(600), Workspace("scenarios: []\n"));
        Assert.Equal((DiagnosticIds.MeasuredGateUnknown, "perfgate.yaml"), (Assert.Single(none.Diagnostics).Id, none.Diagnostics[0].Location.File));
    }

    [Fact]
    public void A_gate_without_a_baseline_says_how_to_approve_one()
    {
        var outcome = MeasuredGateRun.Compare(Request, "serving", Runs(600), Workspace());
        Assert.Equal(
            "perfgate.yaml(4,5): error PG5109: measured gate 'serving' has no baseline yet: baselines/measured/serving/ holds no report; approve the first runs with 'perfgate measured approve NEW... --gate serving'",
            Assert.Single(outcome.Diagnostics).ToCanonicalString());
        Assert.Null(outcome.Comparison);
    }

    [Fact]
    public void A_malformed_baseline_report_is_a_located_error()
    {
        var files = Workspace();
        files["/ws/baselines/measured/serving/base.jsonl"] = Line(600) + "{\"backend\": \n";
        var outcome = MeasuredGateRun.Compare(Request, "serving", Runs(600), files);
        Assert.False(outcome.Succeeded);
        var error = outcome.Diagnostics.First(d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticIds.MeasuredSyntax, "baselines/measured/serving/base.jsonl", 2), (error.Id, error.Location.File, error.Location.Line));
        Assert.Null(outcome.Comparison);
    }

    [Fact]
    public void Approve_writes_nothing_when_a_report_is_malformed_or_two_share_a_name()
    {
        var files = Workspace();
        files["/ws/baselines/measured/serving/old.jsonl"] = Line(500);
        files.Log.Clear();

        var bad = MeasuredGateRun.Approve(Request, "serving", [new("a.jsonl", Line(600) + "{\"backend\": \n", null)], files);
        Assert.Equal((DiagnosticIds.MeasuredSyntax, "a.jsonl"), (bad.Diagnostics[0].Id, bad.Diagnostics[0].Location.File));

        var twice = MeasuredGateRun.Approve(Request, "serving", [new("x/a.jsonl", Line(600), null), new("y/a.jsonl", Line(610), null)], files);
        Assert.Equal("perfgate: error PG2014: y/a.jsonl: another report is also named 'a.jsonl'; the baseline keeps file names, so rename one", Assert.Single(twice.Diagnostics).ToCanonicalString());

        Assert.Empty(files.Log);
        Assert.Equal(Line(500), files["/ws/baselines/measured/serving/old.jsonl"]);
    }
}
