using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Run;

public sealed class WorkspaceRunTests
{
    private const string Settings = """
        scenarios: [scenarios/*.yaml]
        baselines: baselines
        reports:
          directory: out
          formats: [markdown, junit]
        tolerances:
          - metric: decode.*
            relative: 1%
        """;

    private static string Scenario(string id, int batch) => $"""
        kind: scenario
        id: {id}
        model: llama-3-8b
        hardware: h100-sxm
        cards: 1
        decode:
          batch: {batch}
          context: 1024
        """;

    private static InMemoryFileSystem Workspace() => new()
    {
        ["/ws/perfgate.yaml"] = Settings,
        ["/ws/scenarios/b.yaml"] = Scenario("b-second", 8),
        ["/ws/scenarios/a.yaml"] = Scenario("a-first", 4),
    };

    [Fact]
    public void Evaluate_recomputes_every_scenario_in_id_order_with_tolerances_and_default_reports()
    {
        var evaluation = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), Workspace());

        Assert.True(evaluation.Succeeded);
        Assert.Equal(["a-first", "b-second"], evaluation.Scenarios.Select(s => s.Snapshot.ScenarioId));
        Assert.Equal("/ws/baselines", evaluation.BaselinesDirectory);
        var tolerance = Assert.Single(evaluation.Tolerances);
        Assert.Equal(("decode.*", 0.01), (tolerance.MetricGlob, tolerance.Relative));
        Assert.Equal([("markdown", Path.Combine("/ws/out", "perfgate.md")), ("junit", Path.Combine("/ws/out", "perfgate.junit.xml"))], evaluation.DefaultReports.Select(r => (r.Format.Name, r.File)));
    }

    [Theory]
    [InlineData(20, "s00, s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19")]
    [InlineData(23, "s00, s01, s02, s03, s04, s05, s06, s07, s08, s09, s10, s11, s12, s13, s14, s15, s16, s17, s18, s19 and 3 more")]
    public void A_name_that_matches_no_scenario_lists_the_first_twenty_ids(int count, string listed)
    {
        var files = new InMemoryFileSystem { ["/ws/perfgate.yaml"] = Settings };
        for (var i = 0; i < count; i++)
        {
            files[$"/ws/scenarios/s{i:00}.yaml"] = Scenario($"s{i:00}", 4);
        }

        var evaluation = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws") { Scenarios = ["zz"] }, files);

        var error = Assert.Single(evaluation.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticIds.UnknownReference, $"no scenario matches 'zz'; scenarios: {listed} ('perfgate list' shows them)"), (error.Id, error.Message));
    }

    [Fact]
    public void A_scenario_evaluates_the_same_alone_as_in_the_workspace()
    {
        var files = Workspace();
        var evaluation = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), files);
        var workspace = evaluation.Workspace!;

        // Independent scenarios: evaluating the second one alone (as a shard would) gives the same bytes.
        var alone = WorkspaceRun.EvaluateScenario(workspace, workspace.Scenarios[1], new Dictionary<string, PerfGate.Estimation.Calibration.CalibrationTables>());

        Assert.Empty(alone.Diagnostics);
        Assert.Equal(SnapshotWriter.Write(evaluation.Scenarios[1].Snapshot), SnapshotWriter.Write(alone.Scenario!.Snapshot));
    }

    [Fact]
    public void Approve_then_check_passes_and_a_changed_input_drifts_with_a_received_snapshot()
    {
        var files = Workspace();
        var request = new WorkspaceRunRequest("/ws");

        var approval = WorkspaceRun.Approve(request, files, [], all: true);
        Assert.True(approval.Outcome!.Succeeded);
        Assert.Equal([ApprovalAction.Created, ApprovalAction.Created], approval.Outcome.Approvals.Select(a => a.Action));
        Assert.True(WorkspaceRun.Check(request, files).Result!.Passed);

        files["/ws/scenarios/b.yaml"] = Scenario("b-second", 16);
        var check = WorkspaceRun.Check(request, files);

        Assert.False(check.Result!.Passed);
        Assert.Equal([ScenarioStatus.Equal, ScenarioStatus.Drifted], check.Result.Scenarios.Select(s => s.Status));
        Assert.True(files.FileExists("/ws/baselines/b-second.received.txt"));
        Assert.Empty(check.GateErrors);
    }

    [Fact]
    public void An_invalid_workspace_is_diagnostics_and_no_comparison()
    {
        var files = Workspace();
        files["/ws/scenarios/a.yaml"] = Scenario("a-first", 4).Replace("llama-3-8b", "llama-9", StringComparison.Ordinal);

        var check = WorkspaceRun.Check(new WorkspaceRunRequest("/ws"), files);

        Assert.False(check.Evaluation.Succeeded);
        Assert.Null(check.Result);
        var error = Assert.Single(check.Evaluation.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("scenarios/a.yaml", DiagnosticIds.UnknownReference), (error.Location.File, error.Id));
        Assert.DoesNotContain(files.Files.Keys, k => k.StartsWith("/ws/baselines/", StringComparison.Ordinal));
    }
}
