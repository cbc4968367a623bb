using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Commands;

/// <summary>
/// Snapshot tests of every output a person reads, through <see cref="SnapshotAssert"/> (PerfGate's own baseline store,
/// Verify's conventions; accept with PERFGATE_ACCEPT=1 after reviewing the received file). Console tables have one
/// snapshot per culture (invariant, de-DE); JSON, CSV, YAML and diagnostics must be byte-identical under both.
/// </summary>
public sealed class OutputSnapshotTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    /// <summary>Runs the command in the scratch folder and asserts its exit code; returns standard output.</summary>
    private string Out(int expectedCode, params string[] args)
    {
        var (code, output, error) = AppHarness.RunIn(_dir.Path, args);
        Assert.True(code == expectedCode, $"exit {code}, expected {expectedCode}: {error}");
        return output;
    }

    private string File(string relative) => System.IO.File.ReadAllText(Path.Combine(_dir.Path, relative));

    [Fact]
    public void Estimate_table() =>
        SnapshotAssert.MatchesInEveryCulture(() => Out(0, "estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--batch", "8", "--context", "2048"), "estimate.llama-3-8b.h100", "txt");

    [Fact]
    public void Estimate_json() =>
        SnapshotAssert.MatchesInEveryCulture(() => Out(0, "estimate", "--model", "deepseek-v3", "--hardware", "h800", "--nic", "cx7-400g", "--ep", "144", "--dp", "144", "--mtp", "1", "--pipeline", "dual-micro-batch", "--json"), "estimate.deepseek-v3.h800", "json");

    [Fact]
    public void Search_table() =>
        SnapshotAssert.MatchesInEveryCulture(() => Out(0, "search", "--hardware", "h20", "--nic", "cx7-400g", "--target", "15"), "search.h20.cx7", "txt");

    [Fact]
    public void Search_csv() =>
        SnapshotAssert.MatchesInEveryCulture(
            () =>
            {
                Out(0, "search", "--hardware", "h20", "--nic", "cx7-400g", "--target", "15", "--csv", "search.csv");
                return File("search.csv");
            },
            "search.h20.cx7",
            "csv");

    [Fact]
    public void Catalog_list() =>
        SnapshotAssert.MatchesInEveryCulture(() => Out(0, "catalog", "list"), "catalog.list", "txt");

    [Theory]
    [InlineData("h100-sxm")]
    [InlineData("ascend-910b3")]
    [InlineData("qwq-32b")]
    [InlineData("deepseek-v3")]
    [InlineData("cx7-400g")]
    public void Catalog_show(string id)
    {
        SnapshotAssert.MatchesInEveryCulture(() => Out(0, "catalog", "show", id), $"catalog.show.{id}", "txt");
        SnapshotAssert.MatchesInEveryCulture(() => Out(0, "catalog", "show", id, "--json"), $"catalog.show.{id}", "json");
    }

    [Fact]
    public void Import_hf_yaml_on_the_console_and_in_a_file()
    {
        _dir.Write("config.json", System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Memory", "Fixtures", "qwq-32b.config.json")));
        SnapshotAssert.MatchesInEveryCulture(() => Out(0, "import", "hf", "config.json", "--id", "qwq-32b", "--source", "https://huggingface.co/Qwen/QwQ-32B/blob/main/config.json"), "import.hf.qwq-32b", "yaml");
        SnapshotAssert.MatchesInEveryCulture(
            () =>
            {
                var message = Out(0, "import", "hf", "config.json", "--id", "qwq-32b", "--source", "https://huggingface.co/Qwen/QwQ-32B/blob/main/config.json", "-o", "models/qwq.yaml");
                Assert.Equal("perfgate: wrote model 'qwq-32b' (32,763,876,352 parameters) to models/qwq.yaml\n", message);
                return File("models/qwq.yaml");
            },
            "import.hf.qwq-32b",
            "yaml");
    }

    [Fact]
    public void Validate_diagnostics_for_a_broken_workspace()
    {
        _dir.Write("perfgate.yaml", "catalog: [catalog]\nscenarios:\n  - scenarios/*.yaml\n  - missing.yaml\nbaselines: baselines\n");
        _dir.Write("scenarios/a.yaml", "kind: scenario\nid: a\nmodel: qwq-32\nhardware: h100-sxm\nparallelism:\n  tp: 3\n  pp: 2\ndecode:\n  batch: \"8\"\n  context: 4096.5\n");
        _dir.Write("scenarios/b.yaml", "kind: scenario\nid: a\nmodel: llama-3-8b\nhardware: h100-sxm\nmemory:\n  engine: vllm\n  memoryFraction: 0,9\n");
        _dir.Write("catalog/x.yaml", "kind: hardware\nid: x\n");
        SnapshotAssert.MatchesInEveryCulture(
            () =>
            {
                var (code, output, error) = AppHarness.RunIn(_dir.Path, "validate");
                Assert.Equal(2, code);
                return $"exit {code}\n--- stdout\n{output}--- stderr\n{error}";
            },
            "validate.broken",
            "txt");
    }
}
