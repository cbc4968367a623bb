using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Gate;

public sealed class GateRunnerTests
{
    private readonly InMemoryFileSystem _files = new();

    private BaselineStore Store => new(_files, "ws/baselines");

    private void Commit(Snapshot snapshot) => _files.Put($"ws/baselines/{snapshot.ScenarioId}.verified.txt", SnapshotWriter.Write(snapshot));

    private static CurrentScenario[] Current(params Snapshot[] snapshots) => snapshots.Select(SampleSnapshots.Current).ToArray();

    [Fact]
    public void Check_writes_received_for_drift_and_cleans_it_when_equal_again()
    {
        Commit(SampleSnapshots.Qwq());
        var drifted = GateRunner.Check(Store, Current(SampleSnapshots.Qwq(stepMs: 30)), []);
        Assert.False(drifted.Result!.Passed);
        Assert.Equal(SnapshotWriter.Write(SampleSnapshots.Qwq(stepMs: 30)), _files.Files["ws/baselines/qwq-32b-910b3.received.txt"]);

        var equal = GateRunner.Check(Store, Current(SampleSnapshots.Qwq()), []);
        Assert.True(equal.Result!.Passed);
        Assert.False(_files.Files.ContainsKey("ws/baselines/qwq-32b-910b3.received.txt"));
    }

    [Fact]
    public void A_baseline_byte_identical_to_the_recomputed_snapshot_is_equal_without_a_figure_comparison()
    {
        // The common case takes the short path: the file's text is the canonical writing of the recomputed snapshot,
        // so the comparison's baseline is the recomputed snapshot itself (nothing was parsed).
        Commit(SampleSnapshots.Qwq());
        var current = Current(SampleSnapshots.Qwq());
        var comparison = GateRunner.Check(Store, current, []).Result!.Scenarios.Single();
        Assert.Equal(ScenarioStatus.Equal, comparison.Status);
        Assert.Same(current[0].Snapshot, comparison.Baseline);
        Assert.Equal(SnapshotWriter.ScenarioLine, comparison.BaselineScenarioLine);
        Assert.Empty(comparison.Drifts);

        // The same figures under another input hash (a comment edited in the scenario file) are not the same bytes:
        // parsed and compared figure by figure, still equal, with stale provenance.
        Commit(SampleSnapshots.Qwq(scenarioHash: new string('0', 64)));
        var parsed = GateRunner.Check(Store, current, []).Result!.Scenarios.Single();
        Assert.NotSame(current[0].Snapshot, parsed.Baseline);
        Assert.True(parsed.ProvenanceStale);
        Assert.Equal(ScenarioStatus.Equal, parsed.Status);
    }

    [Fact]
    public void The_scenario_line_constant_is_where_the_writer_puts_the_scenario()
    {
        var lines = SnapshotWriter.Write(SampleSnapshots.Qwq()).Split('\n');
        Assert.Equal("scenario = qwq-32b-910b3", lines[SnapshotWriter.ScenarioLine - 1]);
    }

    [Fact]
    public void Check_writes_received_for_a_new_scenario_and_leaves_removed_baselines_alone()
    {
        Commit(SampleSnapshots.Llama());
        var outcome = GateRunner.Check(Store, Current(SampleSnapshots.Qwq()), []);
        Assert.Equal(1, outcome.Result!.Count(ScenarioStatus.New));
        Assert.Equal(1, outcome.Result.Count(ScenarioStatus.Removed));
        Assert.True(_files.Files.ContainsKey("ws/baselines/qwq-32b-910b3.received.txt"));
        Assert.True(_files.Files.ContainsKey("ws/baselines/llama-3-8b-h100.verified.txt"));
    }

    [Fact]
    public void Check_deletes_a_received_file_whose_scenario_is_gone()
    {
        _files.Put("ws/baselines/old.received.txt", "stale");
        GateRunner.Check(Store, Current(SampleSnapshots.Qwq()), []);
        Assert.False(_files.Files.ContainsKey("ws/baselines/old.received.txt"));
    }

    [Fact]
    public void Check_that_cannot_write_a_received_file_keeps_the_result_and_reports_PG1007_at_that_file()
    {
        Commit(SampleSnapshots.Qwq());
        _files.FailOnWrite = 1;

        var outcome = GateRunner.Check(Store, Current(SampleSnapshots.Qwq(stepMs: 30)), []);

        Assert.Equal(1, outcome.Result!.Count(ScenarioStatus.Drifted));
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(DiagnosticIds.ReceivedNotWritable, error.Id);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal("ws/baselines/qwq-32b-910b3.received.txt", error.Location.File.Replace('\\', '/'));
        Assert.Equal(
            "check could not write the received snapshot of 'qwq-32b-910b3': Access to the path 'ws/baselines/qwq-32b-910b3.received.txt' is denied. " +
            "The comparison itself is complete; make the baselines folder writable (or remove the file by hand) and run check again",
            error.Message);
        Assert.False(_files.Files.ContainsKey("ws/baselines/qwq-32b-910b3.received.txt"));
    }

    [Fact]
    public void Check_reports_a_corrupt_baseline_with_file_and_line_and_writes_nothing()
    {
        var text = SnapshotWriter.Write(SampleSnapshots.Qwq()).Replace("= 8 GiB", "= 8.0 GiB", StringComparison.Ordinal);
        _files.Put("ws/baselines/qwq-32b-910b3.verified.txt", text);
        var outcome = GateRunner.Check(Store, Current(SampleSnapshots.Qwq()), []);
        Assert.Null(outcome.Result);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(DiagnosticIds.CorruptBaseline, error.Id);
        Assert.Equal("ws/baselines/qwq-32b-910b3.verified.txt", error.Location.File.Replace('\\', '/'));
        Assert.Equal(Array.FindIndex(text.Split('\n'), l => l.StartsWith("memory.stack.kv_cache", StringComparison.Ordinal)) + 1, error.Location.Line);
        Assert.DoesNotContain(_files.Files.Keys, k => k.Contains("received", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_rejects_a_baseline_whose_file_name_and_scenario_differ()
    {
        _files.Put("ws/baselines/renamed.verified.txt", SnapshotWriter.Write(SampleSnapshots.Qwq()));
        var error = Assert.Single(GateRunner.Check(Store, Current(SampleSnapshots.Qwq()), []).Errors);
        Assert.Contains("named for scenario 'renamed' but says 'scenario = qwq-32b-910b3'", error.Message, StringComparison.Ordinal);
        Assert.Equal(4, error.Location.Line);
    }

    [Fact]
    public void Approve_all_promotes_new_and_changed_and_removes_gone_baselines()
    {
        Commit(SampleSnapshots.Qwq());
        Commit(SampleSnapshots.Llama());
        _files.Put("ws/baselines/qwq-32b-910b3.received.txt", SnapshotWriter.Write(SampleSnapshots.Qwq(stepMs: 30)));
        var gone = new SnapshotBuilder("gone", "0.1.0").Number("x", 1).Build();
        Commit(gone);

        var outcome = GateRunner.Approve(Store, Current(SampleSnapshots.Qwq(stepMs: 30), SampleSnapshots.Llama(), NewScenario()), [], all: true);

        Assert.True(outcome.Succeeded);
        Assert.Equal(
            ["gone:Removed", "llama-3-8b-h100:Unchanged", "new-scenario:Created", "qwq-32b-910b3:Updated"],
            outcome.Approvals.Select(a => $"{a.ScenarioId}:{a.Action}"));
        Assert.Equal(SnapshotWriter.Write(SampleSnapshots.Qwq(stepMs: 30)), _files.Files["ws/baselines/qwq-32b-910b3.verified.txt"]);
        Assert.Equal(["ws/baselines/llama-3-8b-h100.verified.txt", "ws/baselines/new-scenario.verified.txt", "ws/baselines/qwq-32b-910b3.verified.txt"], _files.Files.Keys);
        var changes = outcome.Approvals.Single(a => a.ScenarioId == "qwq-32b-910b3").Changes!;
        Assert.Contains(changes.Drifts, d => d.Key == "decode.step_time");
    }

    [Fact]
    public void Approve_recomputes_when_no_received_file_exists_and_flags_a_stale_one()
    {
        Commit(SampleSnapshots.Qwq());
        _files.Put("ws/baselines/qwq-32b-910b3.received.txt", SnapshotWriter.Write(SampleSnapshots.Qwq(stepMs: 29)));
        var outcome = GateRunner.Approve(Store, Current(SampleSnapshots.Qwq(stepMs: 30)), ["qwq-32b-910b3"], all: false);
        var approval = Assert.Single(outcome.Approvals);
        Assert.True(approval.ReceivedWasStale);
        Assert.Equal(SnapshotWriter.Write(SampleSnapshots.Qwq(stepMs: 30)), _files.Files["ws/baselines/qwq-32b-910b3.verified.txt"]);
        Assert.False(_files.Files.ContainsKey("ws/baselines/qwq-32b-910b3.received.txt"));
    }

    [Fact]
    public void Approve_of_an_unknown_name_writes_nothing_and_lists_the_known_ones()
    {
        Commit(SampleSnapshots.Qwq());
        var outcome = GateRunner.Approve(Store, Current(SampleSnapshots.Qwq(stepMs: 30)), ["qwq-32b-910b3", "qwq-32b"], all: false);
        var error = Assert.Single(outcome.Errors);
        Assert.Equal(DiagnosticIds.UnknownReference, error.Id);
        Assert.Contains("no scenario or baseline named 'qwq-32b' (did you mean 'qwq-32b-910b3'?); known: qwq-32b-910b3", error.Message, StringComparison.Ordinal);
        Assert.Equal(SnapshotWriter.Write(SampleSnapshots.Qwq()), _files.Files["ws/baselines/qwq-32b-910b3.verified.txt"]);
    }

    [Fact]
    public void Approve_interrupted_mid_way_loses_no_baseline()
    {
        var oldLlama = SampleSnapshots.Llama();
        var oldQwq = SampleSnapshots.Qwq();
        Commit(oldLlama);
        Commit(oldQwq);
        // Order of writes: llama (1st), qwq (2nd, fails).
        _files.FailOnWrite = 2;

        var outcome = GateRunner.Approve(Store, Current(SampleSnapshots.Llama(throughput: 2600), SampleSnapshots.Qwq(stepMs: 30)), [], all: true);

        var error = Assert.Single(outcome.Errors);
        Assert.Equal(DiagnosticIds.ApproveInterrupted, error.Id);
        Assert.Contains("approve stopped at 'qwq-32b-910b3'", error.Message, StringComparison.Ordinal);
        Assert.Contains("1 scenario(s) approved before it, 1 not approved", error.Message, StringComparison.Ordinal);
        // The system's message ends with a period; the sentence joins it with exactly one.
        Assert.Contains("qwq-32b-910b3.verified.txt' is denied. 1 scenario(s)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("..", error.Message, StringComparison.Ordinal);
        Assert.Equal(SnapshotWriter.Write(SampleSnapshots.Llama(throughput: 2600)), _files.Files["ws/baselines/llama-3-8b-h100.verified.txt"]);
        Assert.Equal(SnapshotWriter.Write(oldQwq), _files.Files["ws/baselines/qwq-32b-910b3.verified.txt"]);
        Assert.Equal([true, false], outcome.Approvals.Select(a => a.Done));
    }

    private static Snapshot NewScenario() => new SnapshotBuilder("new-scenario", "0.1.0").Number("decode.throughput_per_card", 10, "tok/s", MetricDirection.HigherIsBetter).Build();
}
