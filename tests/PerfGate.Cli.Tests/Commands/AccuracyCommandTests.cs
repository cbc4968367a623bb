namespace PerfGate.Tests.Commands;

public sealed class AccuracyCommandTests
{
    private const string Scenario = """
        kind: scenario
        id: qwen2-72b-a100-tp4
        model: qwen2-72b
        hardware: a100-80g
        cards: 4
        parallelism: {tp: 4}
        decode:
          batch: 16
          context: 640
        measured:
          report: ../measured/sweeps.md
        """;

    private static TempDirectory Workspace(string measured)
    {
        var dir = new TempDirectory();
        dir.Write("perfgate.yaml", "scenarios: [scenarios/*.yaml]\nbaselines: baselines\n");
        dir.Write("scenarios/a.yaml", Scenario + "\n" + measured);
        dir.Write("measured/sweeps.md", File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Measurements", "seed-001-serving-sweeps.md")));
        return dir;
    }

    [Fact]
    public void Prints_estimate_against_measurement_and_writes_markdown_with_a_picture()
    {
        using var dir = Workspace("  model: Qwen2-72B-Instruct\n  hardware: A100 80GB\n  engine: vLLM\n");
        var (code, output, error) = AppHarness.RunIn(dir.Path, "accuracy", "--markdown", "out/accuracy.md");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("scenario qwen2-72b-a100-tp4\n", output, StringComparison.Ordinal);
        Assert.Contains("measured/sweeps.md(71)  synchronous        itl.mean", output, StringComparison.Ordinal);
        Assert.Contains("\naggregate MAPE ", output, StringComparison.Ordinal);
        Assert.Contains("![ITL and TTFT against request rate](accuracy.md.qwen2-72b-a100-tp4.svg)", File.ReadAllText(Path.Combine(dir.Path, "out", "accuracy.md")), StringComparison.Ordinal);
        Assert.StartsWith("<svg ", File.ReadAllText(Path.Combine(dir.Path, "out", "accuracy.md.qwen2-72b-a100-tp4.svg")), StringComparison.Ordinal);
    }

    [Fact]
    public void The_check_snapshot_holds_the_accuracy_rows()
    {
        using var dir = Workspace("  model: Qwen2-72B-Instruct\n  hardware: A100 80GB\n");
        Assert.Equal(0, AppHarness.RunIn(dir.Path, "approve", "--all").ExitCode);
        var snapshot = File.ReadAllText(Path.Combine(dir.Path, "baselines", "qwen2-72b-a100-tp4.verified.txt"));
        Assert.Contains("measured/sweeps.md = sha256:", snapshot, StringComparison.Ordinal);
        Assert.Contains("[table accuracy]\ncolumns = unit | measured | estimate | error % | batch | model\nL71/synchronous/itl.mean = \"ms\" | 30.1 | ", snapshot, StringComparison.Ordinal);
        Assert.Contains("L71/synchronous/ttft.mean = \"ms\" | 170.13 | ", snapshot, StringComparison.Ordinal);
        Assert.Contains("accuracy.mape = ", snapshot, StringComparison.Ordinal);
    }

    [Fact]
    public void No_matching_run_is_a_located_error()
    {
        using var dir = Workspace("  model: Qwen2-7B\n");
        var (code, _, error) = AppHarness.RunIn(dir.Path, "accuracy");
        Assert.Equal(2, code);
        Assert.StartsWith("scenarios/a.yaml(10,1): error PG5105: scenario 'qwen2-72b-a100-tp4': no run in measured/sweeps.md matches 'measured:'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_report_and_an_unknown_key_are_located_errors()
    {
        using var dir = Workspace("  hardware: A100 80GB\n  gpu: a100\n");
        File.Delete(Path.Combine(dir.Path, "measured", "sweeps.md"));
        var (code, _, error) = AppHarness.RunIn(dir.Path, "accuracy");
        Assert.Equal(2, code);
        Assert.Contains("scenarios/a.yaml(11,11): error PG2010: 'measured.report' names '../measured/sweeps.md', which does not exist (relative to the scenario file)", error, StringComparison.Ordinal);
        Assert.Contains("scenarios/a.yaml(13,3): error PG2002: ", error, StringComparison.Ordinal);
    }
}
