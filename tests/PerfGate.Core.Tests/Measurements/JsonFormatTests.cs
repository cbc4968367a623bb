using PerfGate.Measurements;

namespace PerfGate.Tests.Measurements;

/// <summary>GuideLLM, vLLM, SGLang and AIPerf JSON reports (the research notes' realistic examples, §2).</summary>
public class JsonFormatTests
{
    [Fact]
    public void GuideLlm_reads_each_benchmark_with_its_strategy_and_percentiles()
    {
        var runs = MeasuredTestData.Runs("guidellm.json");
        Assert.Equal(2, runs.Count);
        var concurrent = runs[0];
        Assert.Equal(new MeasuredWorkload(LoadMode.Concurrency, null, 4, 1024, 128), concurrent.Workload);
        Assert.Equal(812.5, concurrent.Value(MeasuredMetricKind.TimeToFirstToken, "mean"));
        Assert.Equal(1180.0, concurrent.Value(MeasuredMetricKind.TimeToFirstToken, "p99"));
        Assert.Equal(1.4, concurrent.Value(MeasuredMetricKind.RequestsPerSecond, "p0.1"));
        Assert.Equal(1.9, concurrent.Value(MeasuredMetricKind.RequestsPerSecond, "p99.9"));
        Assert.Equal(2.41, concurrent.Value(MeasuredMetricKind.RequestLatency, "mean"));
        Assert.Equal(210.4, concurrent.Value(MeasuredMetricKind.OutputTokensPerSecond, "mean"));
        Assert.Contains("includes the first token", concurrent.Metric(MeasuredMetricKind.TimePerOutputToken, "mean")!.Definition, StringComparison.Ordinal);
        Assert.False(concurrent.Failed);

        // Every request errored: kept, labelled, flagged.
        Assert.True(runs[1].Failed);
        Assert.Equal("asynchronous@8", runs[1].Label);
        Assert.Equal(ArrivalProcess.Constant, runs[1].Workload.Arrivals);
        Assert.Null(concurrent.Workload.Arrivals);
    }

    [Fact]
    public void Vllm_reads_the_flat_summary_with_decimal_percentiles_and_e2el_in_seconds()
    {
        var run = Assert.Single(MeasuredTestData.Runs("vllm.json"));
        Assert.Equal(new MeasuredSystem("vLLM", "Qwen/QwQ-32B", null, null, null), run.System);

        // request_rate "inf" with max_concurrency 4; 819200 / 200 = 4096 prompt tokens, 25600 / 200 = 128 output tokens.
        Assert.Equal(new MeasuredWorkload(LoadMode.Concurrency, null, 4, 4096, 128), run.Workload);
        Assert.Equal(1205.5, run.Value(MeasuredMetricKind.TimeToFirstToken, "p99.9"));
        Assert.Equal(2.412, run.Value(MeasuredMetricKind.RequestLatency, "mean"), 12);
        Assert.Equal(12.7, run.Value(MeasuredMetricKind.TimePerOutputToken, "mean"));
        Assert.Contains("(output tokens - 1)", run.Metric(MeasuredMetricKind.TimePerOutputToken, "mean")!.Definition, StringComparison.Ordinal);
    }

    [Fact]
    public void Sglang_reads_one_run_per_line_and_accepts_infinity_and_nan()
    {
        var runs = MeasuredTestData.Runs("sglang.jsonl");
        Assert.Equal(2, runs.Count);
        Assert.Equal(new MeasuredWorkload(LoadMode.Concurrency, null, 8, 8192, 256), runs[0].Workload);
        Assert.Equal(1, runs[0].Source.Line);
        Assert.Equal(2.9501, runs[0].Value(MeasuredMetricKind.RequestLatency, "mean"), 12);
        Assert.Equal(12.1, runs[0].Value(MeasuredMetricKind.InterTokenLatency, "p95"));
        Assert.Equal("SGLang", runs[0].System.Engine);
        Assert.Equal(new MeasuredWorkload(LoadMode.Asynchronous, 2.0, null, 8192, 256) { Arrivals = ArrivalProcess.Poisson }, runs[1].Workload);
        Assert.True(double.IsNaN(runs[1].Value(MeasuredMetricKind.TimeToFirstToken, "std")));
        Assert.Equal(2, runs[1].Source.Line);
    }

    [Fact]
    public void Aiperf_converts_by_each_metric_s_unit_and_finds_the_load_in_the_input_config()
    {
        var run = Assert.Single(MeasuredTestData.Runs("aiperf.json"));
        Assert.Equal(new MeasuredWorkload(LoadMode.Concurrency, null, 4, 4096, 128), run.Workload);
        Assert.Equal("Qwen/QwQ-32B", run.System.Model);
        Assert.Equal(2.412, run.Value(MeasuredMetricKind.RequestLatency, "mean"), 12);
        Assert.Equal(650.0, run.Value(MeasuredMetricKind.TimeToFirstToken, "p1"));
        Assert.Equal(79.3, run.Value(MeasuredMetricKind.OutputTokensPerSecondPerUser, "mean"));
        Assert.Equal(1.66, run.Value(MeasuredMetricKind.RequestsPerSecond, "mean"));
    }
}
