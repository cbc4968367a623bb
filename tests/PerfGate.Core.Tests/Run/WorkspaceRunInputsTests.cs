using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;
using PerfGate.Gate;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Run;

/// <summary>A scenario's [inputs] are exactly the files it read, each read once, named relative to the workspace root.</summary>
public sealed class WorkspaceRunInputsTests
{
    private static string Hardware(string id, string calibration) => $"""
        kind: hardware
        id: {id}
        name: Lab {id}
        vendor: NVIDIA
        memory: 81559 MiB
        memoryBandwidth: 3.35 TB/s
        bf16: 989 TFLOPS
        exp2: 4.182 TFLOPS
        reduce: 33.454 TFLOPS
        kernelLaunchOverhead: 1.2 us
        {calibration}
        source: https://example.com/datasheet
        """;

    private static string Scenario(string id, string hardware, string extra = "") => $"""
        kind: scenario
        id: {id}
        model: llama-3-8b
        hardware: {hardware}
        cards: 1
        decode:
          batch: 4
          context: 1024
        {extra}
        """;

    private static InMemoryFileSystem Workspace()
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "catalog: [catalog]\nscenarios: [scenarios/*.yaml]\n",
            ["/ws/catalog/measured-gpu.yaml"] = Hardware("measured-gpu", "efficiency: measured\ncalibration: ../calib/lab"),
            ["/ws/catalog/plain-gpu.yaml"] = Hardware("plain-gpu", "efficiency: roofline"),
            ["/ws/calib/lab/README.md"] = "how the tables were measured",
            ["/ws/scenarios/measured.yaml"] = Scenario("measured", "measured-gpu"),
            ["/ws/scenarios/plain.yaml"] = Scenario("plain", "plain-gpu", "memory:\n  engine: mindie\n  mindieConfig: mindie/config.json\n"),
            ["/ws/scenarios/mindie/config.json"] = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Memory", "Fixtures", "mindie-qwq32b-npumem8.json")),
        };
        foreach (var table in new[] { CalibrationLoader.GemmFile, CalibrationLoader.AttentionFile, CalibrationLoader.BandwidthFile })
        {
            using var stream = typeof(CalibrationLoader).Assembly.GetManifestResourceStream("PerfGate.Calibration.h100-sxm." + table)!;
            using var reader = new StreamReader(stream);
            fs["/ws/calib/lab/" + table] = reader.ReadToEnd();
        }

        return fs;
    }

    private static Snapshot Snapshot(WorkspaceEvaluation evaluation, string id)
    {
        Assert.True(evaluation.Succeeded, string.Join("\n", evaluation.Diagnostics.Select(d => d.ToCanonicalString())));
        return evaluation.Scenarios.Single(s => s.Snapshot.ScenarioId == id).Snapshot;
    }

    [Fact]
    public void Each_scenario_records_the_documents_tables_and_config_it_read_and_nothing_else()
    {
        var evaluation = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), Workspace());

        Assert.Equal(
            ["calib/lab/attention_decode.csv", "calib/lab/bandwidth.csv", "calib/lab/gemm.csv", "catalog/measured-gpu.yaml", "perfgate.yaml", "scenarios/measured.yaml"],
            Snapshot(evaluation, "measured").Inputs.Select(i => i.Path));
        Assert.Equal(
            ["catalog/plain-gpu.yaml", "perfgate.yaml", "scenarios/mindie/config.json", "scenarios/plain.yaml"],
            Snapshot(evaluation, "plain").Inputs.Select(i => i.Path));
    }

    [Fact]
    public void Editing_a_document_one_scenario_reads_leaves_the_other_scenarios_snapshot_unchanged()
    {
        var files = Workspace();
        var before = SnapshotWriter.Write(Snapshot(WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), files), "measured"));

        files["/ws/catalog/plain-gpu.yaml"] += "# a comment\n";
        var after = SnapshotWriter.Write(Snapshot(WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), files), "measured"));

        Assert.Equal(before, after);
    }

    [Fact]
    public void A_mindie_config_is_recorded_relative_to_the_workspace_root()
    {
        var snapshot = Snapshot(WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), Workspace()), "plain");

        Assert.Equal("scenarios/mindie/config.json", snapshot.Settings.Single(kv => kv.Key == "memory.mindieConfig").Value);
        Assert.DoesNotContain("/ws/", SnapshotWriter.Write(snapshot), StringComparison.Ordinal);
    }

    [Fact]
    public void Every_input_is_read_exactly_once_and_only_the_tables_the_estimator_parses()
    {
        var files = Workspace();

        _ = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), files);

        Assert.Equal(files.Reads.Distinct(StringComparer.Ordinal), files.Reads);
        Assert.Contains("/ws/scenarios/mindie/config.json", files.Reads);
        Assert.Contains("/ws/calib/lab/gemm.csv", files.Reads);
        Assert.DoesNotContain("/ws/calib/lab/README.md", files.Reads);
    }

    [Fact]
    public void The_bytes_hashed_are_the_bytes_evaluated()
    {
        // The loader keeps what it hashed; the evaluation parses that, so a file changed on disk after loading cannot
        // slip a different config under an old hash.
        var files = Workspace();
        var loaded = PerfGate.Workspace.WorkspaceLoader.Load(files, "/ws").Workspace!;
        files["/ws/scenarios/mindie/config.json"] = "not json";

        var outcome = WorkspaceRun.EvaluateScenario(loaded, loaded.Scenarios.Single(s => s.Id == "plain"), new Dictionary<string, CalibrationTables>());

        Assert.DoesNotContain(outcome.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(loaded.Inputs.Single(i => i.RelativePath == "scenarios/mindie/config.json").Sha256, outcome.Scenario!.Snapshot.Inputs.Single(i => i.Path == "scenarios/mindie/config.json").Sha256);
    }
}
