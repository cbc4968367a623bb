namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>
/// The target's incremental inputs are the files the last run read: a scenario's MindIE config.json re-runs the gate
/// (it is no YAML, CSV or baseline), an unread YAML file does not, and a report named in PerfGateReport is an output.
/// </summary>
[Trait("Category", "Integration")]
[Collection(IntegrationCollection.Name)]
public sealed class IncrementalInputsTests(PackedPackagesFixture packages)
{
    private const string Skipped = "Skipping target \"_PerfGateRun\" because all output files are up-to-date";

    private static readonly Dictionary<string, string?> NotCi = new() { ["CI"] = null, ["GITHUB_ACTIONS"] = null };

    private const string Scenario = """
        kind: scenario
        id: qwq-910b3-mindie
        model: qwq-32b
        hardware: ascend-910b3
        cards: 4
        parallelism: {tp: 4}
        memory:
          engine: mindie
          mindieConfig: mindie/config.json
        """;

    /// <summary>The repository's MindIE fixture with its npuMemSize (GiB of KV cache per card) set.</summary>
    private static string MindieConfig(int npuMemSize) => File.ReadAllText(
            Path.Combine(RepositoryRoot.Path, "tests", "PerfGate.Core.Tests", "Memory", "Fixtures", "mindie-qwq32b-npumem8.json"))
        .Replace("\"npuMemSize\" : 8,", $"\"npuMemSize\" : {npuMemSize},", StringComparison.Ordinal);

    [Fact]
    public void A_changed_mindie_config_reruns_the_gate_and_an_edit_to_a_file_no_scenario_reads_does_not()
    {
        using var consumer = new ConsumerProject(packages, "incremental");
        consumer.Write("perfgate.yaml", "scenarios: ['scenarios/*.yaml']\nbaselines: baselines\n");
        consumer.Write("scenarios/qwq.yaml", Scenario + "\n");
        consumer.Write("scenarios/mindie/config.json", MindieConfig(8));
        consumer.Write("notes/unread.yaml", "note: not a scenario\n");
        var approve = consumer.Build(NotCi, "-p:PerfGateApprove=true", "-p:PerfGateReport=markdown=obj/perfgate.md");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        var readList = File.ReadAllLines(Path.Combine(Path.GetDirectoryName(consumer.StampFile)!, "perfgate.inputs"));
        Assert.Contains(readList, l => l.EndsWith("/scenarios/mindie/config.json", StringComparison.Ordinal));
        Assert.DoesNotContain(readList, l => l.EndsWith("/notes/unread.yaml", StringComparison.Ordinal));

        // The approve created the baseline, a new workspace file: the next build runs once more, then nothing changed.
        Assert.Equal(0, consumer.Build(null, "-p:PerfGateReport=markdown=obj/perfgate.md").ExitCode);
        var unchanged = consumer.Build(null, "-p:PerfGateReport=markdown=obj/perfgate.md");
        Assert.True(unchanged.ExitCode == 0, unchanged.ToString());
        Assert.Contains(Skipped, unchanged.Output, StringComparison.Ordinal);

        consumer.Write("notes/unread.yaml", "note: edited, still read by no scenario\n");
        File.SetLastWriteTimeUtc(Path.Combine(consumer.Root, "notes", "unread.yaml"), DateTime.UtcNow.AddSeconds(5));
        var unread = consumer.Build(null, "-p:PerfGateReport=markdown=obj/perfgate.md");
        Assert.Contains(Skipped, unread.Output, StringComparison.Ordinal);

        // A deleted report is a missing output: the gate runs and writes it again.
        File.Delete(Path.Combine(consumer.Root, "obj", "perfgate.md"));
        var report = consumer.Build(null, "-p:PerfGateReport=markdown=obj/perfgate.md");
        Assert.DoesNotContain(Skipped, report.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(consumer.Root, "obj", "perfgate.md")), report.ToString());

        // The MindIE config is no YAML, CSV or baseline, but the last run read it: its change runs the gate, which sees the drift.
        consumer.Write("scenarios/mindie/config.json", MindieConfig(10));
        File.SetLastWriteTimeUtc(Path.Combine(consumer.Root, "scenarios", "mindie", "config.json"), DateTime.UtcNow.AddSeconds(10));
        var changed = consumer.Build(null, "-p:PerfGateReport=markdown=obj/perfgate.md");
        Assert.DoesNotContain(Skipped, changed.Output, StringComparison.Ordinal);
        Assert.NotEqual(0, changed.ExitCode);
        Assert.NotEmpty(changed.Diagnostics("error", "PG1001"));
    }
}
