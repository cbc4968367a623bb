using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Scenarios;

namespace PerfGate.Tests.Memory;

public sealed class ScenarioMemoryMappingTests
{
    private static ScenarioSpec Seed003Scenario(MemorySettings memory) => new()
    {
        Id = "qwq-32b-910b3-x4",
        Model = "qwq-32b",
        Hardware = "ascend-910b3",
        Parallelism = new Parallelism(Tp: 4),
        Memory = memory,
        Location = new SourceLocation("perfgate/scenarios/qwq.yaml"),
        KeyLocations = new Dictionary<string, SourceLocation> { ["memory.maxBatchSize"] = new("perfgate/scenarios/qwq.yaml", 14, 5) },
    };

    [Fact]
    public void Scenario_gives_the_same_budget_as_the_seed_request()
    {
        // Same inputs as Seed003Tests' npuMemSize 8 case: 1,024 blocks, 51 safe requests, preemption warning at the scenario's key.
        var (request, diagnostics) = ScenarioMemoryMapping.ToRequest(
            Seed003Scenario(new MemorySettings { NpuMemSize = 8, MaxSeqLen = 2560, MaxInputTokenLen = 2048, MaxBatchSize = 200 }),
            BuiltInCatalog.Load());
        Assert.Empty(diagnostics);
        var budget = MemoryBudgetCalculator.Compute(request!);
        Assert.Equal(1024, budget.KvBlocks);
        Assert.Equal(51, budget.SafeMaxBatchSize);
        var d = Assert.Single(budget.Diagnostics, d => d.Id == DiagnosticIds.PreemptionRisk);
        Assert.Equal(new SourceLocation("perfgate/scenarios/qwq.yaml", 14, 5), d.Location);
    }

    [Fact]
    public void Scenario_keys_override_the_mindie_config()
    {
        var config = MindieConfigReader.Read(MindieConfigReaderTests.Fixture("mindie-qwq32b-npumem8.json"), "config.json").Config!;
        var scenario = Seed003Scenario(new MemorySettings { NpuMemSize = 35 }) with
        {
            KeyLocations = new Dictionary<string, SourceLocation> { ["memory.npuMemSize"] = new("perfgate/scenarios/qwq.yaml", 12, 5) },
        };
        var (request, _) = ScenarioMemoryMapping.ToRequest(scenario, BuiltInCatalog.Load(), config);
        Assert.Equal(35, request!.NpuMemSize);
        Assert.Equal(1, request.MaxPrefillBatchSize);
        Assert.Equal(new SourceLocation("perfgate/scenarios/qwq.yaml", 12, 5), request.LocationOf("npuMemSize"));
        Assert.Equal(new SourceLocation("config.json", 100, 7), request.LocationOf("maxBatchSize"));
    }

    [Fact]
    public void Unknown_model_is_reported_with_the_known_ids()
    {
        var scenario = Seed003Scenario(new MemorySettings()) with { Model = "qwq-23b" };
        var (request, diagnostics) = ScenarioMemoryMapping.ToRequest(scenario, BuiltInCatalog.Load());
        Assert.Null(request);
        var d = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticIds.UnknownReference, d.Id);
        Assert.Contains("unknown model 'qwq-23b'; known:", d.Message, StringComparison.Ordinal);
        Assert.Contains("qwq-32b", d.Message, StringComparison.Ordinal);
    }
}
