using PerfGate.Gate;
using PerfGate.Measurements;
using PerfGate.Measurements.Gate;
using PerfGate.Measurements.Output;
using PerfGate.Tests.Measurements.Gate;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Measurements.Output;

/// <summary>Every output people read or tools chart, from the test reports, under the invariant culture and de-DE.</summary>
public class MeasuredOutputSnapshotTests
{
    private static IReadOnlyList<MeasuredRun> Small =>
        [.. MeasuredTestData.Runs("vllm.json"), .. MeasuredTestData.Runs("sglang.jsonl"), .. MeasuredTestData.Runs("guidellm.json")];

    [Fact]
    public void Csv() => SnapshotAssert.MatchesInEveryCulture(() => MeasuredCsvWriter.Write(Small), "measured.csv", "txt");

    [Fact]
    public void Json() => SnapshotAssert.MatchesInEveryCulture(() => MeasuredJsonWriter.Write(Small), "measured.json", "txt");

    [Fact]
    public void Summary_of_seed_003() =>
        SnapshotAssert.MatchesInEveryCulture(() => MeasuredSummary.Render(MeasuredTestData.Runs("seed-003-mindie-qwq-32b.txt")), "measured.summary.seed-003", "txt");

    [Fact]
    public void Bencher_metric_format() => SnapshotAssert.MatchesInEveryCulture(() => BencherMetricFormat.Write(Small), "measured.bmf", "txt");

    [Fact]
    public void Github_action_benchmark_both_directions() => SnapshotAssert.MatchesInEveryCulture(
        () => GitHubBenchmarkJson.Write(Small, MetricDirection.LowerIsBetter) + GitHubBenchmarkJson.Write(Small, MetricDirection.HigherIsBetter),
        "measured.github-benchmark",
        "txt");

    [Theory]
    [InlineData("console")]
    [InlineData("markdown")]
    [InlineData("json")]
    public void Compare_report(string kind)
    {
        var baseline = MeasuredGateTests.Runs(MeasuredMetricKind.TimeToFirstToken, 100, 101, 99)
            .Concat(MeasuredGateTests.Runs(MeasuredMetricKind.RequestsPerSecond, 2, 2.02, 1.98)).ToList();
        var current = MeasuredGateTests.Runs(MeasuredMetricKind.TimeToFirstToken, 110, 111, 109)
            .Concat(MeasuredGateTests.Runs(MeasuredMetricKind.RequestsPerSecond, 2.01, 1.99, 2)).ToList();
        var result = MeasuredGate.Compare(baseline, current, MeasuredGateOptions.Default);
        SnapshotAssert.MatchesInEveryCulture(
            () => kind switch
            {
                "console" => MeasuredCompareReport.Console(result),
                "markdown" => MeasuredCompareReport.Markdown(result),
                _ => MeasuredCompareReport.Json(result),
            },
            "measured.compare." + kind,
            "txt");
    }
}
