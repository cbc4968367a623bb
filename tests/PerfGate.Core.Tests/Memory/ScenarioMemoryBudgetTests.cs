using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Memory;

public sealed class ScenarioMemoryBudgetTests
{
    private const string Settings = """
        scenarios:
          - scenarios/*.yaml
        baselines: baselines
        """;

    private const string Scenario = """
        kind: scenario
        id: qwq-910b3
        model: qwq-32b
        hardware: ascend-910b3
        cards: 4
        parallelism: {tp: 4}
        memory:
          engine: mindie
          mindieConfig: mindie/config.json
          inputTokens: 60
          outputTokens: 512
        """;

    private static (LoadedWorkspace Workspace, InMemoryFileSystem Fs) Load(string scenario, string config)
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = Settings,
            ["/ws/scenarios/qwq.yaml"] = scenario,
            ["/ws/scenarios/mindie/config.json"] = config,
        };
        var result = WorkspaceLoader.Load(fs, "/ws");
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return (result.Workspace!, fs);
    }

    [Fact]
    public void Seed_003_scenario_with_its_mindie_config_gives_the_seed_budget()
    {
        // The config's npuMemSize 8: 1,024 blocks, 51 safe requests, 204 seed-shaped (60 in, 512 out) at once.
        var (ws, fs) = Load(Scenario, MindieConfigReaderTests.Fixture("mindie-qwq32b-npumem8.json"));
        var result = ScenarioMemoryBudget.Compute(ws, ws.Scenarios[0]);
        Assert.Equal(1024, result.Budget!.KvBlocks);
        Assert.Equal(51, result.Budget.SafeMaxBatchSize);
        Assert.Equal(204, result.Budget.TypicalConcurrency);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.PreemptionRisk);
        Assert.Equal(new SourceLocation("scenarios/mindie/config.json", 100, 7), d.Location);
    }

    [Fact]
    public void A_finding_about_an_engine_default_points_at_the_memory_section()
    {
        // No MindIE config and no maxBatchSize in the scenario: MindIE's default 200 is above what 8 GiB of KV
        // blocks hold (51), and the warning points at the scenario's 'memory:' key (line 7), where the user would
        // add maxBatchSize, not at the top of the file.
        var scenario = Scenario.Replace("  mindieConfig: mindie/config.json\n", "  npuMemSize: 8\n", StringComparison.Ordinal);
        var (ws, fs) = Load(scenario, "{}");
        var result = ScenarioMemoryBudget.Compute(ws, ws.Scenarios[0]);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.PreemptionRisk);
        Assert.Equal(new SourceLocation("scenarios/qwq.yaml", 7, 1), d.Location);
    }

    [Fact]
    public void Scenario_npuMemSize_overrides_the_config_and_is_located_in_the_scenario()
    {
        var (ws, fs) = Load(Scenario + "\n  npuMemSize: 50\n", MindieConfigReaderTests.Fixture("mindie-qwq32b-npumem8.json"));
        var result = ScenarioMemoryBudget.Compute(ws, ws.Scenarios[0]);
        Assert.Equal(MemoryVerdict.OutOfMemoryRisk, result.Budget!.Verdict);
        var d = Assert.Single(result.Diagnostics, d => d.Id == DiagnosticIds.OutOfMemoryRisk);
        Assert.Equal("scenarios/qwq.yaml", d.Location.File);
        Assert.Equal(12, d.Location.Line);
    }

    [Fact]
    public void A_broken_config_is_reported_with_its_workspace_path()
    {
        var (ws, fs) = Load(Scenario, "{ \"BackendConfig\": ");
        var result = ScenarioMemoryBudget.Compute(ws, ws.Scenarios[0]);
        Assert.Null(result.Budget);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.MindieConfigSyntax, d.Id);
        Assert.Equal("scenarios/mindie/config.json", d.Location.File);
    }

    [Fact]
    public void A_scenario_without_memory_section_says_what_to_add()
    {
        var (ws, fs) = Load(Scenario[..Scenario.IndexOf("memory:", StringComparison.Ordinal)], "{}");
        var result = ScenarioMemoryBudget.Compute(ws, ws.Scenarios[0]);
        Assert.Contains("has no memory: section", Assert.Single(result.Diagnostics).Message, StringComparison.Ordinal);
    }
}
