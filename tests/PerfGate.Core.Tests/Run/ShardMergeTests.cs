using System.Text;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Run;

namespace PerfGate.Tests.Run;

/// <summary>perfgate merge's core: shard reports in, one verdict out; every report that does not fit is a located error.</summary>
public sealed class ShardMergeTests
{
    // "a" is in shard 1 of 2, "b" in shard 2 of 2 (FNV-1a: see ScenarioShardTests).
    private static string Report(string shard, string scenarios, string findings = "") => $$"""
        {
          "schema": "perfgate-check/2",
          "passed": true,
          "summary": {},
          "scenarios": [{{scenarios}}],
          "shard": "{{shard}}",
          "findings": [{{findings}}]
        }
        """;

    private static string Scenario(string id, string status = "equal") =>
        $$"""{"id": "{{id}}", "status": "{{status}}", "baseline": "baselines/{{id}}.verified.txt", "inputsChanged": [], "settingsChanged": [], "drifts": []}""";

    private static ShardMergeResult Merge(params (string File, string Text)[] reports) =>
        ShardMerge.Merge(reports.Select(r => (r.File, Encoding.UTF8.GetBytes(r.Text))).ToArray());

    private static (string Id, string Message, SourceLocation Location) Error(ShardMergeResult result)
    {
        Assert.False(result.Succeeded);
        var e = Assert.Single(result.Errors);
        return (e.Id, e.Message, e.Location);
    }

    [Fact]
    public void Shards_join_into_one_verdict_sorted_by_scenario()
    {
        var drifted = """{"scenario": "b", "code": "PG1001", "message": "b: x", "file": "baselines/b.verified.txt", "line": 7, "column": 1, "magnitude": 12.5, "importance": 0}""";

        var result = Merge(("2.json", Report("2/2", Scenario("b", "drifted"), drifted)), ("1.json", Report("1/2", Scenario("a"))));

        Assert.True(result.Succeeded);
        Assert.Equal([("a", ScenarioStatus.Equal), ("b", ScenarioStatus.Drifted)], result.Result!.Scenarios.Select(s => (s.ScenarioId, s.Status)));
        Assert.False(result.Result.Passed);
        var finding = Assert.Single(result.Findings);
        Assert.Equal(("baselines/b.verified.txt(7,1): error PG1001: b: x", 12.5), (finding.Diagnostic.ToCanonicalString(), finding.Magnitude));
        Assert.StartsWith("{\n  \"schema\": \"perfgate-check/2\",\n  \"passed\": false,\n  \"summary\": {\n    \"scenarios\": 2,\n    \"equal\": 1,\n    \"drifted\": 1,", result.Json, StringComparison.Ordinal);
        Assert.DoesNotContain("\"shard\"", result.Json, StringComparison.Ordinal);
    }

    [Fact]
    public void The_figures_come_back_with_the_baselines_from_the_drifts_undone()
    {
        var b = """
            {"id": "b", "status": "drifted", "baseline": "baselines/b.verified.txt", "inputsChanged": [], "settingsChanged": [],
             "drifts": [{"key": "x", "kind": "changed", "old": 1.5, "new": 2, "unit": "ms", "direction": "lower-is-better"},
                        {"key": "y", "kind": "added", "old": null, "new": true, "unit": "", "direction": "neutral"},
                        {"key": "z", "kind": "removed", "old": "gone", "new": null, "unit": "", "direction": "neutral"}],
             "figures": [{"key": "t[r1].time", "value": 10, "unit": "us", "direction": "lower-is-better"},
                         {"key": "t[r1].bound", "value": "memory", "unit": "", "direction": "neutral"},
                         {"key": "x", "value": 2, "unit": "ms", "direction": "lower-is-better"},
                         {"key": "y", "value": true, "unit": "", "direction": "neutral"}]}
            """;

        var result = Merge(("2.json", Report("2/2", b)), ("1.json", Report("1/2", Scenario("a")))).Result!;

        var s = result.Scenarios.Single(s => s.ScenarioId == "b");
        Assert.Equal(["x 2 ms", "y true "], s.Current!.Metrics.Select(m => $"{m.Key} {m.Value.Display(System.Globalization.CultureInfo.InvariantCulture)} {m.Unit}"));
        Assert.Equal(MetricDirection.LowerIsBetter, s.Current.Metrics[0].Direction);
        var table = Assert.Single(s.Current.Tables);
        Assert.Equal(("t", "r1", 10.0, "us"), (table.Name, table.Rows[0].Key, table.Rows[0].Cells[0].Number, table.Columns[0].Unit));
        Assert.Equal(["x 1.5 ms", "z gone "], s.Baseline!.Metrics.Select(m => $"{m.Key} {m.Value.Display(System.Globalization.CultureInfo.InvariantCulture)} {m.Unit}"));

        // A report without figures (an equal scenario written so) has none.
        Assert.Null(result.Scenarios.Single(s => s.ScenarioId == "a").Current);
    }

    [Fact]
    public void A_report_that_is_not_JSON_is_PG5201_at_the_line_and_column()
    {
        var (id, message, at) = Error(Merge(("1.json", "{\n  \"schema\": \n}")));

        Assert.Equal(DiagnosticIds.ShardReportSyntax, id);
        Assert.StartsWith("not valid JSON: ", message, StringComparison.Ordinal);
        Assert.EndsWith("; write it again with perfgate check --shard i/n --report json=FILE", message, StringComparison.Ordinal);
        Assert.Equal(("1.json", 3), (at.File, at.Line));
    }

    [Fact]
    public void A_report_of_another_schema_is_PG5201_at_its_schema()
    {
        var (id, message, at) = Error(Merge(("1.json", "{\n  \"schema\": \"other/2\"\n}")));

        Assert.Equal(DiagnosticIds.ShardReportSyntax, id);
        Assert.Equal("not a perfgate check JSON report: its schema is the string \"other/2\", expected \"perfgate-check/2\"; merge reads the JSON reports of perfgate check --shard i/n", message);
        Assert.Equal(new SourceLocation("1.json", 2, 13), at);
    }

    [Fact]
    public void The_report_of_a_whole_workspace_is_PG5202()
    {
        var (id, message, _) = Error(Merge(("all.json", "{\"schema\": \"perfgate-check/2\", \"scenarios\": []}")));

        Assert.Equal(DiagnosticIds.ShardReportMismatch, id);
        Assert.Equal("the report has no \"shard\": it is the report of a whole workspace, not of one shard; merge joins the reports of perfgate check --shard i/n", message);
    }

    [Fact]
    public void Reports_of_different_splits_are_PG5202_at_the_shard()
    {
        var (id, message, at) = Error(Merge(("1.json", Report("1/2", Scenario("a"))), ("x.json", Report("2/3", ""))));

        Assert.Equal(DiagnosticIds.ShardReportMismatch, id);
        Assert.Equal("shard 2/3 does not belong with 1.json (shard 1/2): every report must come from the same split, --shard i/2", message);
        Assert.Equal(new SourceLocation("x.json", 6, 12), at);
    }

    [Fact]
    public void A_shard_given_twice_or_missing_is_PG5202()
    {
        Assert.Equal(
            "shard 1/2 is given twice, also by 1.json; give each shard's report once",
            Error(Merge(("1.json", Report("1/2", Scenario("a"))), ("1b.json", Report("1/2", "")))).Message);
        var (_, missing, at) = Error(Merge(("1.json", Report("1/2", Scenario("a")))));
        Assert.Equal("the report of shard(s) 2/2 is missing; merge needs the reports of all 2 shards, or the verdict would leave their scenarios out", missing);
        Assert.Equal(SourceLocation.None, at);
    }

    [Fact]
    public void A_scenario_in_a_shard_that_does_not_own_it_is_PG5202_at_the_scenario()
    {
        var (id, message, at) = Error(Merge(("1.json", Report("1/2", Scenario("b"))), ("2.json", Report("2/2", ""))));

        Assert.Equal(DiagnosticIds.ShardReportMismatch, id);
        Assert.Equal("scenario 'b' belongs to shard 2/2, not to this report's shard 1/2; the report was not written by perfgate check --shard 1/2, or was edited", message);
        Assert.Equal(("1.json", 5), (at.File, at.Line));
    }
}
