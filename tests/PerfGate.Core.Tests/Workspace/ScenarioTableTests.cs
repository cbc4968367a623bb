using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Workspace;

/// <summary><c>perfgate list</c>'s table: one row per scenario with its cards and the sections it computes.</summary>
public sealed class ScenarioTableTests
{
    private const string Scenario = """
        kind: scenario
        id: {0}
        model: qwq-32b
        hardware: ascend-910b3
        parallelism: {{tp: 2, dp: 2}}
        dtypes: {{weights: bf16, kv: bf16}}
        {1}
        """;

    [Fact]
    public void Each_scenario_is_a_row_with_its_effective_cards_and_sections()
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = "scenarios: [s/*.yaml]\n",
            ["/ws/s/a.yaml"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, Scenario, "a", "decode: {batch: 8, context: 1024}"),
            ["/ws/s/b.yaml"] = string.Format(System.Globalization.CultureInfo.InvariantCulture, Scenario, "b", "decode: {batch: 8, context: 1024}\nmemory: {engine: mindie, npuMemSize: 8, communicationBufferSize: 120 MB}"),
        };
        var loaded = WorkspaceLoader.Load(fs, "/ws");
        Assert.True(loaded.Workspace is not null, string.Join("\n", loaded.Diagnostics));

        var table = ScenarioTable.Of(loaded.Workspace!);

        Assert.Null(table.Title);
        Assert.Equal(["id", "model", "hardware", "cards", "sections"], table.Columns);
        Assert.Equal(["a", "qwq-32b", "ascend-910b3", "4", "decode"], table.Rows[0]);
        Assert.Equal("decode, memory", table.Rows[1][4]);
    }
}
