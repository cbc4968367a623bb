using PerfGate.Measurements;

namespace PerfGate.Tests.Measurements;

/// <summary>Seed 001's Markdown tables: 12 sweeps x 11 rows, 4 of them failed (rows of zeros).</summary>
public class GuideLlmMarkdownFormatTests
{
    private static IReadOnlyList<MeasuredRun> Seed => MeasuredTestData.Runs("seed-001-serving-sweeps.md");

    [Fact]
    public void Reads_every_row_of_every_sweep_and_flags_the_four_rows_of_zeros()
    {
        Assert.Equal(12 * 11, Seed.Count);
        var failed = Seed.Where(r => r.Failed).Select(r => $"{r.System.Model} x{r.System.Cards} {r.Label}").ToList();
        Assert.Equal(
            [
                "Qwen2-MoE-57B-A14B-Instruct x2 asynchronous@1.27 req/sec",
                "Qwen2-72B-Instruct-AWQ x2 asynchronous@0.63 req/sec",
                "Qwen2-72B-Instruct-AWQ x2 asynchronous@1.22 req/sec",
                "Qwen2-72B-Instruct-AWQ x4 asynchronous@0.95 req/sec",
            ],
            failed);
    }

    [Fact]
    public void Names_the_system_from_the_bullet_above_each_table()
    {
        var first = Seed[0];
        Assert.Equal(new MeasuredSystem("vLLM", "Qwen2-MoE-57B-A14B-Instruct", "A100 80GB", 2, null), first.System);
        Assert.Equal(new MeasuredWorkload(LoadMode.Synchronous, null, 1, 512, 128), first.Workload);
        var sglang = Seed.Single(r => r.System.Engine == "SGLang" && r.Label == "synchronous");
        Assert.Equal(new MeasuredSystem("SGLang", "Qwen2-72B-Instruct", "L20 48GB", 8, null), sglang.System);
        Assert.Equal(12, Seed.Count(r => r.Workload.Mode == LoadMode.Throughput));

        // The table does not say how requests were spaced: its rate rows come from GuideLLM's sweep, "constant".
        Assert.All(Seed.Where(r => r.Workload.Mode == LoadMode.Asynchronous), r => Assert.Equal(ArrivalProcess.Constant, r.Workload.Arrivals));
    }

    [Fact]
    public void Converts_each_column_to_its_canonical_unit()
    {
        // Qwen2-MoE-57B-A14B, 2 x A100, synchronous: 0.60 req/sec | 1.67 sec | 108.93 ms | 13.15 ms | 71.04 tokens/sec
        var row = Seed[0];
        Assert.Equal(0.60, row.Value(MeasuredMetricKind.RequestsPerSecond, "mean"));
        Assert.Equal(1.67, row.Value(MeasuredMetricKind.RequestLatency, "mean"));
        Assert.Equal(108.93, row.Value(MeasuredMetricKind.TimeToFirstToken, "mean"));
        Assert.Equal(13.15, row.Value(MeasuredMetricKind.InterTokenLatency, "mean"));
        Assert.Equal(71.04, row.Value(MeasuredMetricKind.OutputTokensPerSecond, "mean"));
        Assert.StartsWith("GuideLLM report table", row.Metric(MeasuredMetricKind.TimeToFirstToken, "mean")!.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_the_seed_s_irregular_cells()
    {
        // "13.67sec" (no space), "901.59  tokens/sec" (two spaces) and "|192.70 ms" (no space after the bar) are all in seed 001.
        var l20 = Seed.Single(r => r.System is { Model: "Qwen2-72B-Instruct", Hardware: "L20 48GB", Cards: 4 } && r.Label == "asynchronous@1.14 req/sec");
        Assert.Equal(13.67, l20.Value(MeasuredMetricKind.RequestLatency, "mean"));
        var a100 = Seed.Where(r => r.System is { Model: "Qwen2-72B-Instruct", Hardware: "A100 80GB", Cards: 8 }).ToList();
        Assert.Equal(901.59, a100.Single(r => r.Label == "asynchronous@9.30 req/sec").Value(MeasuredMetricKind.OutputTokensPerSecond, "mean"));
        Assert.Equal(192.70, a100.Single(r => r.Label == "asynchronous@10.58 req/sec").Value(MeasuredMetricKind.InterTokenLatency, "mean"));
        Assert.Equal(10.58, a100.Single(r => r.Label == "asynchronous@10.58 req/sec").Workload.RequestRatePerSecond);
    }
}
