using System.Text.Json;
using PerfGate.Gate;
using PerfGate.Measurements.Output;
using PerfGate.Reports;
using PerfGate.Reports.Trends;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Reports.Trends;

/// <summary>
/// The chart exports of perfgate check (Bencher Metric Format, github-action-benchmark's two custom tools): their bytes
/// (snapshots, invariant and de-DE), that they are written by the same writers as perfgate measured import's, and which
/// figures go where.
/// </summary>
public sealed class TrendReportTests
{
    private static readonly ReportContext Context = new(p => p);

    [Fact]
    public void Bencher_metric_format() =>
        SnapshotAssert.MatchesInEveryCulture(() => new BmfReport().Render(SampleResults.Mixed(), Context), "Report.mixed.bmf", "json");

    [Fact]
    public void GitHub_benchmark_smaller_is_better() =>
        SnapshotAssert.MatchesInEveryCulture(() => new GitHubBenchmarkReport(MetricDirection.LowerIsBetter).Render(SampleResults.Mixed(), Context), "Report.mixed.github-benchmark-smaller", "json");

    [Fact]
    public void GitHub_benchmark_bigger_is_better() =>
        SnapshotAssert.MatchesInEveryCulture(() => new GitHubBenchmarkReport(MetricDirection.HigherIsBetter).Render(SampleResults.Mixed(), Context), "Report.mixed.github-benchmark-bigger", "json");

    [Fact]
    public void One_writer_per_format_for_measured_runs_and_gate_figures()
    {
        var series = GateSeries.Of(SampleResults.Mixed());
        Assert.Equal(BencherMetricFormat.Write(series), new BmfReport().Render(SampleResults.Mixed(), Context));
        Assert.Equal(GitHubBenchmarkJson.Write(series, MetricDirection.LowerIsBetter), new GitHubBenchmarkReport(MetricDirection.LowerIsBetter).Render(SampleResults.Mixed(), Context));
    }

    [Fact]
    public void Every_current_numeric_metric_is_a_bmf_measure_and_removed_scenarios_have_none()
    {
        using var bmf = JsonDocument.Parse(new BmfReport().Render(SampleResults.Mixed(), Context));
        var benchmarks = bmf.RootElement.EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["llama-3-8b-h100", "mixtral-8x7b-a100", "new-scenario", "qwq-32b-910b3"], benchmarks);

        // qwq now: batch 16 at 30 ms -> 16 / 0.030 / 4 = 133.333 tok/s per card (rounded to 6 significant digits).
        Assert.Equal(133.333, bmf.RootElement.GetProperty("qwq-32b-910b3").GetProperty("decode.throughput_per_card").GetProperty("value").GetDouble());

        // Text and flags are not measures; numbers are, with or without a direction.
        var qwq = bmf.RootElement.GetProperty("qwq-32b-910b3").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Equal(["decode.step_time", "decode.throughput_per_card", "memory.capacity", "memory.stack.kv_cache", "memory.stack.system", "memory.stack.weights"], qwq);
    }

    [Fact]
    public void Each_github_tool_takes_its_direction_and_neutral_figures_go_to_neither()
    {
        using var smaller = JsonDocument.Parse(new GitHubBenchmarkReport(MetricDirection.LowerIsBetter).Render(SampleResults.Mixed(), Context));
        using var bigger = JsonDocument.Parse(new GitHubBenchmarkReport(MetricDirection.HigherIsBetter).Render(SampleResults.Mixed(), Context));
        Assert.Equal(["qwq-32b-910b3 decode.step_time"], smaller.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal(
            ["llama-3-8b-h100 decode.throughput_per_card", "mixtral-8x7b-a100 decode.throughput_per_card", "new-scenario decode.throughput_per_card", "qwq-32b-910b3 decode.throughput_per_card"],
            bigger.RootElement.EnumerateArray().Select(e => e.GetProperty("name").GetString()));
        Assert.Equal("customSmallerIsBetter", new GitHubBenchmarkReport(MetricDirection.LowerIsBetter).Tool);
        Assert.Equal("customBiggerIsBetter", new GitHubBenchmarkReport(MetricDirection.HigherIsBetter).Tool);
        Assert.Throws<ArgumentOutOfRangeException>(() => new GitHubBenchmarkReport(MetricDirection.Neutral).Name);
    }
}
