using PerfGate.Diagnostics;
using PerfGate.Evaluation;
using PerfGate.Gate;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Evaluation;

public sealed class PrefillScenarioTests
{
    private const string Scenario = """
        kind: scenario
        id: qwq-prefill
        model: qwq-32b
        hardware: h100-sxm
        prefill:
          prompts: [2000, 8000]
          concurrency: [1, 4]
          prefixHit: 0.8
          prefixTier: dram
        """;

    private static WorkspaceLoadResult Load(string scenario) => WorkspaceLoader.Load(
        new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "scenarios: [scenarios/*.yaml]\nbaselines: baselines\n",
            ["/ws/scenarios/s.yaml"] = scenario,
        },
        "/ws");

    private static EvaluationResult Evaluate(string scenario)
    {
        var ws = Load(scenario).Workspace!;
        return ScenarioEvaluator.Evaluate(new EvaluationRequest { Scenario = ws.Scenarios[0], Catalog = ws.Catalog, Inputs = [], ToolVersion = "test" });
    }

    [Fact]
    public void The_section_puts_ttft_cached_ttft_and_speedup_per_prompt_and_concurrency_under_the_gate()
    {
        var result = Evaluate(Scenario);
        Assert.True(result.Snapshot is not null, string.Join("\n", result.Diagnostics));
        var text = SnapshotWriter.Write(result.Snapshot);
        Assert.Contains("[table prefill.ttft]", text, StringComparison.Ordinal);
        Assert.Contains("s8000.c4 = ", text, StringComparison.Ordinal);
        Assert.Contains("cached_ttft ms (lower is better)", text, StringComparison.Ordinal);
        Assert.Contains("speedup (higher is better)", text, StringComparison.Ordinal);
        Assert.Contains("[table prefill.breakdown]", text, StringComparison.Ordinal);
        Assert.Contains("prefill.prefixTier = \"dram\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_tier_is_reported_at_its_key()
    {
        var d = Assert.Single(Load(Scenario.Replace("prefixTier: dram", "prefixTier: nvme", StringComparison.Ordinal)).Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(DiagnosticIds.UnknownReference, d.Id);
        Assert.Equal(new SourceLocation("scenarios/s.yaml", 9, 15), d.Location);
        Assert.Contains("storage 'nvme'", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("prefixHit: 0.8", "prefixHit: 1.2", 8, DiagnosticIds.InvalidPrefillSetting, "'prefill.prefixHit': 1.2 is outside [0, 1]")]
    [InlineData("prompts: [2000, 8000]", "prompts: [2000, 48000]", 6, DiagnosticIds.PromptExceedsContextWindow, "'prefill.prompts': 48000 tokens is longer than qwq-32b's context window of 40960")]
    [InlineData("concurrency: [1, 4]", "concurrency: [0]", 7, DiagnosticIds.InvalidPrefillSetting, "'prefill.concurrency': 0; at least 1 request must arrive")]
    [InlineData("prefixTier: dram", "prefixTier: dram\n  chunk: 0", 10, DiagnosticIds.InvalidPrefillSetting, "'prefill.chunk': 0; a chunked prefill step")]
    public void A_bad_value_is_a_located_error(string from, string to, int line, string id, string message)
    {
        var result = Evaluate(Scenario.Replace(from, to, StringComparison.Ordinal));
        Assert.Null(result.Snapshot);
        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(id, d.Id);
        Assert.Equal("scenarios/s.yaml", d.Location.File);
        Assert.Equal(line, d.Location.Line);
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }
}
