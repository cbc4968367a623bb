using System.Globalization;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Commands;

/// <summary>Measured baselines in a workspace: 'perfgate measured approve|compare NEW... --gate NAME' against perfgate.yaml's gates.</summary>
public sealed class MeasuredGateCommandTests : IDisposable
{
    private const string Settings = "scenarios: []\nmeasured:\n  - name: serving\n    thresholds: { ttft: 10% }\n  - name: nightly\n    minRuns: 1\n    floor: 50%\n";

    private readonly TempDirectory _dir = new();

    public MeasuredGateCommandTests()
    {
        _dir.Write("perfgate.yaml", Settings);
        _dir.Write("base.jsonl", Line(600) + Line(605) + Line(595));
        _dir.Write("new.jsonl", Line(700) + Line(705) + Line(695));
    }

    public void Dispose() => _dir.Dispose();

    private static string Line(double ttft) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"backend\": \"sglang\", \"request_rate\": Infinity, \"max_concurrency\": 8, \"completed\": 256, \"request_throughput\": 2.7, \"mean_e2e_latency_ms\": 2950.1, \"mean_ttft_ms\": {ttft}}}\n");

    private (int Code, string Out, string Error) Run(params string[] args) => AppHarness.RunIn(_dir.Path, args);

    [Fact]
    public void Approve_then_compare_gates_new_runs_with_the_workspaces_rule()
    {
        var approve = Run("measured", "approve", "base.jsonl", "--gate", "serving");
        Assert.Equal((0, string.Empty), (approve.Code, approve.Error));
        Assert.Equal(Line(600) + Line(605) + Line(595), File.ReadAllText(Path.Combine(_dir.Path, "baselines", "measured", "serving", "base.jsonl")));

        var compare = Run("measured", "compare", "new.jsonl", "--gate", "serving");
        Assert.Equal(1, compare.Code);
        Assert.StartsWith("measured gate 'serving': 1 new report(s) against 1 baseline report(s) in baselines/measured/serving/\n", compare.Out, StringComparison.Ordinal);
        Assert.Equal("perfgate: error PG5107: concurrency@8 ttft.mean: 600 -> 700 ms (16.6667 %, floor 10 %, p = 0.00000824154)\n", compare.Error.ReplaceLineEndings("\n"));
    }

    [Fact]
    public void Gate_output_snapshot() => SnapshotAssert.MatchesInEveryCulture(
        () =>
        {
            using var dir = new TempDirectory();
            dir.Write("perfgate.yaml", Settings);
            dir.Write("runs/base.jsonl", Line(600) + Line(605) + Line(595));
            dir.Write("runs/new.jsonl", Line(700) + Line(705) + Line(695));
            var approve = AppHarness.RunIn(dir.Path, "measured", "approve", "runs/base.jsonl", "--gate", "serving");
            var compare = AppHarness.RunIn(dir.Path, "measured", "compare", "runs/new.jsonl", "--gate", "serving");
            var markdown = AppHarness.RunIn(dir.Path, "measured", "compare", "runs/new.jsonl", "--gate", "serving", "--report", "markdown");
            return $"$ perfgate measured approve runs/base.jsonl --gate serving (exit {approve.ExitCode})\n{approve.Out}{approve.Error}\n" +
                $"$ perfgate measured compare runs/new.jsonl --gate serving (exit {compare.ExitCode})\n{compare.Out}{compare.Error}\n" +
                $"$ perfgate measured compare runs/new.jsonl --gate serving --report markdown (exit {markdown.ExitCode})\n{markdown.Out}{markdown.Error}";
        },
        "measured.gate",
        "txt");

    [Fact]
    public void Approve_replaces_the_old_reports_and_each_gate_keeps_its_own_rule()
    {
        Assert.Equal(0, Run("measured", "approve", "base.jsonl", "--gate", "nightly").Code);
        var again = Run("measured", "approve", "new.jsonl", "--gate", "nightly");
        Assert.Equal(0, again.Code);
        Assert.Contains("approved  baselines/measured/nightly/new.jsonl\nremoved   baselines/measured/nightly/base.jsonl\n", again.Out.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir.Path, "baselines", "measured", "nightly", "base.jsonl")));

        // 'nightly': one run a side, floor 50 %: +16.7 % passes.
        Assert.Equal(0, Run("measured", "compare", "base.jsonl", "--gate", "nightly").Code);
    }

    [Fact]
    public void A_gate_without_a_baseline_an_unknown_gate_and_an_unnamed_one_are_located_errors()
    {
        var none = Run("measured", "compare", "new.jsonl", "--gate", "serving");
        Assert.Equal(2, none.Code);
        Assert.Equal("perfgate.yaml(3,5): error PG5109: measured gate 'serving' has no baseline yet: baselines/measured/serving/ holds no report; approve the first runs with 'perfgate measured approve NEW... --gate serving'\n", none.Error.ReplaceLineEndings("\n"));

        var unknown = Run("measured", "compare", "new.jsonl", "--gate", "servng");
        Assert.Equal((2, "perfgate.yaml(2,1): error PG5108: --gate: no measured gate 'servng' in perfgate.yaml (did you mean 'serving'?); declared: 'serving', 'nightly'\n"), (unknown.Code, unknown.Error.ReplaceLineEndings("\n")));

        var unnamed = Run("measured", "approve", "new.jsonl");
        Assert.Equal((2, "perfgate.yaml(2,1): error PG5108: perfgate.yaml declares 2 measured gates; name one with --gate: 'serving', 'nightly'\n"), (unnamed.Code, unnamed.Error.ReplaceLineEndings("\n")));
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "baselines")));
    }

    [Fact]
    public void The_rule_options_belong_to_perfgate_yaml_in_gate_mode()
    {
        var (code, _, error) = Run("measured", "compare", "new.jsonl", "--gate", "serving", "--threshold", "ttft=50%");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate: error PG2014: --threshold: a measured gate takes its rule from perfgate.yaml ('measured:')", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_gate_in_perfgate_yaml_is_a_located_error()
    {
        _dir.Write("perfgate.yaml", "scenarios: []\nmeasured:\n  - name: serving\n    alpha: 2\n");
        var (code, _, error) = Run("measured", "compare", "new.jsonl", "--gate", "serving");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate.yaml(4,12): error PG2005: 'measured[0].alpha'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_is_refused_under_ci_and_writes_nothing_for_a_malformed_report()
    {
        var ci = AppHarness.Run(_dir.Path, new Dictionary<string, string> { ["CI"] = "true" }, "measured", "approve", "base.jsonl", "--gate", "serving");
        Assert.Equal(2, ci.ExitCode);
        Assert.StartsWith("perfgate: error PG1006: approve refused: this looks like CI", ci.Error, StringComparison.Ordinal);

        _dir.Write("bad.jsonl", Line(600) + "{\"backend\": \n");
        var bad = Run("measured", "approve", "bad.jsonl", "--gate", "serving");
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("bad.jsonl(2,", bad.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "baselines")));
    }
}
