using PerfGate.Gate;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Run;

/// <summary>Scenarios evaluated (and baselines read) on several cores give the bytes and the order one core gives; a shard checks its own part only.</summary>
public sealed class WorkspaceRunParallelTests
{
    private static InMemoryFileSystem Workspace(int scenarios)
    {
        var files = new InMemoryFileSystem { ["/ws/perfgate.yaml"] = "scenarios: [scenarios/*.yaml]\nbaselines: baselines\n" };
        for (var i = 0; i < scenarios; i++)
        {
            // Different models, hardware and batches, so that no two snapshots are alike.
            var (model, hardware) = (i % 3) switch { 0 => ("llama-3-8b", "h100-sxm"), 1 => ("qwq-32b", "h200"), _ => ("llama-3-8b", "h200") };
            files[$"/ws/scenarios/s{i:D2}.yaml"] = $"kind: scenario\nid: s{i:D2}\nmodel: {model}\nhardware: {hardware}\ndecode:\n  batch: {1 + i}\n  context: 2048\n";
        }

        return files;
    }

    [Fact]
    public void Evaluating_on_four_cores_gives_the_bytes_and_order_of_one_core()
    {
        var files = Workspace(24);

        var one = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws") { Parallelism = 1 }, files);
        var four = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws") { Parallelism = 4 }, files);

        Assert.True(one.Succeeded);
        Assert.Equal(24, one.Scenarios.Count);
        Assert.Equal(one.Scenarios.Select(s => SnapshotWriter.Write(s.Snapshot)), four.Scenarios.Select(s => SnapshotWriter.Write(s.Snapshot)));
    }

    [Fact]
    public void Checking_on_four_cores_gives_the_verdict_of_one_core()
    {
        var files = Workspace(24);
        Assert.True(WorkspaceRun.Approve(new WorkspaceRunRequest("/ws"), files, [], all: true).Outcome!.Succeeded);
        files["/ws/scenarios/s05.yaml"] = files.Files["/ws/scenarios/s05.yaml"].Replace("batch: 6", "batch: 60", StringComparison.Ordinal);
        files.Delete("/ws/scenarios/s07.yaml");

        var one = WorkspaceRun.Check(new WorkspaceRunRequest("/ws") { Parallelism = 1 }, files).Result!;
        var four = WorkspaceRun.Check(new WorkspaceRunRequest("/ws") { Parallelism = 4 }, files).Result!;

        Assert.Equal(one.Scenarios.Select(s => (s.ScenarioId, s.Status, s.Drifts.Count)), four.Scenarios.Select(s => (s.ScenarioId, s.Status, s.Drifts.Count)));
        Assert.Equal(ScenarioStatus.Drifted, one.Scenarios.Single(s => s.ScenarioId == "s05").Status);
        Assert.Equal(ScenarioStatus.Removed, one.Scenarios.Single(s => s.ScenarioId == "s07").Status);
    }

    [Fact]
    public void Shards_split_the_scenarios_and_the_removed_baselines_without_overlap()
    {
        var files = Workspace(24);
        Assert.True(WorkspaceRun.Approve(new WorkspaceRunRequest("/ws"), files, [], all: true).Outcome!.Succeeded);
        files.Delete("/ws/scenarios/s07.yaml");
        var whole = WorkspaceRun.Check(new WorkspaceRunRequest("/ws"), files).Result!;

        var parts = Enumerable.Range(1, 3)
            .Select(i => ScenarioShard.TryParse($"{i}/3", out var shard, out _) ? shard : throw new InvalidOperationException())
            .Select(shard => (shard, WorkspaceRun.Check(new WorkspaceRunRequest("/ws") { Shard = shard }, files).Result!))
            .ToList();

        Assert.All(parts, p => Assert.All(p.Item2.Scenarios, s => Assert.True(p.shard.Owns(s.ScenarioId))));
        Assert.Equal(
            whole.Scenarios.Select(s => (s.ScenarioId, s.Status)),
            parts.SelectMany(p => p.Item2.Scenarios).OrderBy(s => s.ScenarioId, StringComparer.Ordinal).Select(s => (s.ScenarioId, s.Status)));
        Assert.Single(parts, p => p.Item2.Scenarios.Any(s => s.Status == ScenarioStatus.Removed)); // s07's baseline: in its own shard only
    }

    [Fact]
    public void Approve_is_never_split()
    {
        var files = Workspace(6);
        ScenarioShard.TryParse("1/2", out var shard, out _);

        var approval = WorkspaceRun.Approve(new WorkspaceRunRequest("/ws") { Shard = shard }, files, [], all: true);

        Assert.Equal(6, approval.Outcome!.Approvals.Count);
    }
}
