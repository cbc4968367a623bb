using PerfGate.Diagnostics;
using PerfGate.Reports;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Run;

/// <summary>check, merge and approve end to end on an in-memory host: what is printed where, what is written, the verdict.</summary>
public sealed class GateCommandsTests
{
    private const string Scenario = """
        kind: scenario
        id: s
        model: llama-3-8b
        hardware: h100-sxm
        cards: 1
        decode:
          batch: 4
          context: 1024
        """;

    private sealed class Host
    {
        public StringWriter Out { get; } = new() { NewLine = "\n" };

        public StringWriter Error { get; } = new() { NewLine = "\n" };

        public InMemoryFileSystem Files { get; } = new()
        {
            ["/ws/perfgate.yaml"] = "scenarios: [scenarios/*.yaml]\nbaselines: perf\n",
            ["/ws/scenarios/s.yaml"] = Scenario,
        };

        public GateHost Gate => new(Out, Error, Files, "/ws", DiagnosticFormats.MsBuild, new ReportContext(p => p));
    }

    private static readonly WorkspaceRunRequest Request = new("/ws");

    private static ReportRequest Report(string text)
    {
        Assert.True(ReportRequest.TryParse(text, out var request, out var error), error);
        return request;
    }

    [Fact]
    public void A_new_scenario_is_a_finding_until_approved_then_check_passes()
    {
        var host = new Host();

        var first = GateCommands.Check(host.Gate, Request, [Report("json=r.json")], Severity.Error, inputsFile: "obj/inputs.txt");
        var approved = GateCommands.Approve(host.Gate, Request, ["s"], all: false, refuseAsCi: false);
        var second = GateCommands.Check(host.Gate, Request, [], Severity.Error, inputsFile: null);

        Assert.Equal((GateVerdict.Findings, GateVerdict.Passed, GateVerdict.Passed), (first, approved, second));
        Assert.Contains("error PG1002: s: new scenario with no baseline", host.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("created  perf/s.verified.txt (new scenario s)\nApproved 1 baseline(s). Review and commit the changes in perf.\n", host.Out.ToString(), StringComparison.Ordinal);
        Assert.Equal("/ws/perfgate.yaml\n/ws/scenarios/s.yaml\n", host.Files["/ws/obj/inputs.txt"]);
        Assert.Contains("\"schema\"", host.Files["/ws/r.json"], StringComparison.Ordinal);
        Assert.Equal(string.Empty, host.Error.ToString());
    }

    [Fact]
    public void An_invalid_workspace_is_bad_input_with_its_diagnostics_and_nothing_written()
    {
        var host = new Host();
        host.Files["/ws/scenarios/s.yaml"] = Scenario.Replace("batch: 4", "batch: 0", StringComparison.Ordinal);

        var verdict = GateCommands.Check(host.Gate, Request, [Report("json=r.json")], Severity.Error, inputsFile: "inputs.txt");

        Assert.Equal(GateVerdict.BadInput, verdict);
        Assert.StartsWith("scenarios/s.yaml(7,10): error PG2005: 'decode.batch' is 0", host.Out.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(host.Files.Files.Keys, k => k.EndsWith(".json", StringComparison.Ordinal) || k.EndsWith("inputs.txt", StringComparison.Ordinal));
    }

    [Fact]
    public void A_report_that_cannot_be_written_makes_a_passing_check_bad_input()
    {
        var host = new Host();
        GateCommands.Approve(host.Gate, Request, [], all: true, refuseAsCi: false);
        host.Files["/ws/r.json/keep"] = string.Empty;

        var verdict = GateCommands.Check(host.Gate, Request, [Report("json=r.json")], Severity.Error, inputsFile: null);

        Assert.Equal(GateVerdict.BadInput, verdict);
        Assert.EndsWith("r.json: error PG2017: --report json: this is a folder; name a file to write\n", host.Out.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_refuses_under_ci_and_without_a_selection_before_writing_anything()
    {
        var host = new Host();

        var underCi = GateCommands.Approve(host.Gate, Request, ["s"], all: false, refuseAsCi: true);
        var nothing = GateCommands.Approve(host.Gate, Request, [], all: false, refuseAsCi: false);

        Assert.Equal((GateVerdict.BadInput, GateVerdict.BadInput), (underCi, nothing));
        var lines = host.Error.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("review the diff of perf/*.verified.txt", lines[0], StringComparison.Ordinal);
        Assert.EndsWith("approve needs the scenarios to approve (perfgate approve <scenario>...) or --all.", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain(host.Files.Files.Keys, k => k.StartsWith("/ws/perf/", StringComparison.Ordinal));
    }

    [Fact]
    public void Merge_of_a_missing_report_is_bad_input_at_its_path()
    {
        var host = new Host();

        var verdict = GateCommands.Merge(host.Gate, ["shard-1.json"], [ReportRequest.Console], Severity.Error);

        Assert.Equal(GateVerdict.BadInput, verdict);
        Assert.Equal("shard-1.json: error PG2010: the shard report does not exist; give the JSON report each perfgate check --shard i/n wrote\n", host.Out.ToString());
    }

    [Fact]
    public void Merge_joins_the_shards_reports_into_the_summary_line_and_the_json()
    {
        var host = new Host();
        GateCommands.Approve(host.Gate, Request, [], all: true, refuseAsCi: false);
        Assert.True(ScenarioShard.TryParse("1/1", out var shard, out _));
        GateCommands.Check(host.Gate, Request with { Shard = shard }, ReportRequest.ForCheck(["json=perfgate-shard-1-of-1.json"], shard), Severity.Error, inputsFile: null);
        host.Out.GetStringBuilder().Clear();

        var verdict = GateCommands.Merge(host.Gate, ["perfgate-shard-1-of-1.json"], [ReportRequest.Console, Report("json=all.json")], Severity.Error);

        Assert.Equal(GateVerdict.Passed, verdict);
        Assert.StartsWith("PerfGate: 1 scenario(s)", host.Out.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"passed\": true", host.Files["/ws/all.json"], StringComparison.Ordinal);
    }
}
