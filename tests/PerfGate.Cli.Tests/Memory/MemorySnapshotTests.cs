using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Memory;

/// <summary>
/// Snapshots of <c>perfgate memory</c>'s outputs for seed 003's MindIE config (QwQ-32B on 4 x 910B3): the console
/// table per culture; JSON, SVG and the diagnostics identical under every culture.
/// </summary>
public sealed class MemorySnapshotTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("perfgate-memory-").FullName;

    public MemorySnapshotTests() =>
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Memory", "Fixtures", "mindie-qwq32b-npumem8.json"), Path.Combine(_dir, "config.json"));

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args) =>
        AppHarness.Run(_dir, null, ["memory", "--mindie-config", "config.json", "--hardware", "ascend-910b3", .. args]);

    [Fact]
    public void Table() =>
        SnapshotAssert.MatchesInEveryCulture(() => Run("--npu-mem-size", "-1", "--npu-memory-fraction", "0.85").Out, "memory.seed003-auto.table", "txt");

    [Fact]
    public void Json_and_diagnostics()
    {
        SnapshotAssert.MatchesInEveryCulture(() => Run("--json").Out, "memory.seed003-npumem8", "json");
        SnapshotAssert.MatchesInEveryCulture(() => Run("--json").Err, "memory.seed003-npumem8.diagnostics", "txt");
    }

    [Fact]
    public void Svg_file() =>
        SnapshotAssert.MatchesInEveryCulture(
            () =>
            {
                Assert.Equal(0, Run("--npu-mem-size", "-1", "--svg", "out/budget.svg").Code);
                return File.ReadAllText(Path.Combine(_dir, "out", "budget.svg"));
            },
            "memory.seed003-auto",
            "svg");
}
