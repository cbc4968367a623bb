using PerfGate.Measurements;

namespace PerfGate.Tests.Measurements;

/// <summary>MindIE benchmark console output: seed 003 (6 runs, older "GenerateSpeed") and a 2025-11 log ("OutputGenerateSpeed").</summary>
public class MindieConsoleFormatTests
{
    [Fact]
    public void Reads_the_six_runs_of_seed_003_between_the_prose_and_the_npu_smi_table()
    {
        var runs = MeasuredTestData.Runs("seed-003-mindie-qwq-32b.txt");
        Assert.Equal(6, runs.Count);
        Assert.All(runs, r => Assert.Equal(new MeasuredSystem("MindIE", "QwQ-32B", null, null, null), r.System));
        Assert.All(runs, r => Assert.Equal(10, r.Workload.Concurrency));
        Assert.All(runs, r => Assert.False(r.Failed));
        Assert.Equal(
            ["/weights/qwq32b_mindie/QwQ-32B/gsm8k", "/weights/qwq32b_mindie/QwQ-32B/gsm8k-200", "/home/work/QwQ-32B/gsm8k", "/home/work/QwQ-32B/gsm8k-200", "/home/work/QwQ-32B/gsm8k-200", "/home/work/QwQ-32B/gsm8k-200"],
            runs.Select(r => r.Label["concurrency@10 ".Length..]));
    }

    [Fact]
    public void Takes_the_performance_table_s_statistics_and_the_common_table_s_rates()
    {
        // ATB back end, 8792 prompts: FirstTokenTime 64.7768 ms average, DecodeTime 27.0037 ms, GenerateTime 12176.1428 ms,
        // InputTokens 59.8964, GeneratedTokens 449.2916; Throughput 0.8206 req/s; GenerateSpeed 368.6777 token/s; per client 36.8678.
        var atb = MeasuredTestData.Runs("seed-003-mindie-qwq-32b.txt")[0];
        Assert.Equal(64.7768, atb.Value(MeasuredMetricKind.TimeToFirstToken, "mean"));
        Assert.Equal(93.7642, atb.Value(MeasuredMetricKind.TimeToFirstToken, "p99"));
        Assert.Equal(27.0037, atb.Value(MeasuredMetricKind.InterTokenLatency, "mean"));
        Assert.Equal(12.1761428, atb.Value(MeasuredMetricKind.RequestLatency, "mean"), 9);
        Assert.Equal(36.7786, atb.Value(MeasuredMetricKind.OutputTokensPerSecondPerUser, "mean"));
        Assert.Equal(36.8678, atb.Value(MeasuredMetricKind.OutputTokensPerSecondPerUser, "per_client"));
        Assert.Equal(0.8206, atb.Value(MeasuredMetricKind.RequestsPerSecond, "mean"));
        Assert.Equal(368.6777, atb.Value(MeasuredMetricKind.OutputTokensPerSecond, "mean"));
        Assert.Equal(new MeasuredWorkload(LoadMode.Concurrency, null, 10, 59.8964, 449.2916), atb.Workload);
        Assert.Null(atb.Metric(MeasuredMetricKind.TimeToFirstToken, "SLO_P90"));
    }

    [Fact]
    public void Reads_the_newer_output_generate_speed_spelling()
    {
        var run = Assert.Single(MeasuredTestData.Runs("mindie-deepseek-v3.txt"));
        Assert.Equal(5.3221, run.Value(MeasuredMetricKind.OutputTokensPerSecond, "mean"));
        Assert.Equal(0.1044, run.Value(MeasuredMetricKind.RequestsPerSecond, "mean"));
        Assert.Equal(new MeasuredSystem("MindIE", "deepseek-v3", null, null, null), run.System);
        Assert.Equal(128, run.Workload.Concurrency);
    }

    [Fact]
    public void Converts_microseconds_written_with_a_greek_mu()
    {
        // 394772.8 μs = 394.7728 ms
        var run = Assert.Single(MeasuredTestData.Runs("mindie-microseconds.txt"));
        Assert.Equal(394.7728, run.Value(MeasuredMetricKind.TimeToFirstToken, "mean"), 9);
        Assert.Equal(1e-3, MeasuredUnits.Scale("\u00b5s", "ms"));
        Assert.Equal(1e-3, MeasuredUnits.Scale("\u03bcs", "ms"));
    }
}
