using PerfGate.Measurements;
using PerfGate.Measurements.Accuracy;
using PerfGate.Quantities;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Measurements.Accuracy;

/// <summary>
/// The accuracy table and picture from seed 001's Qwen2-72B 4 x A100 sweep, against a fixed step-time curve
/// t(B) = 17 ms + 0.1 ms x B with B_max 64 (so the snapshots do not move when the decode estimator does).
/// </summary>
public class AccuracyOutputSnapshotTests
{
    private static AccuracyResult Result()
    {
        var runs = MeasuredTestData.Runs("seed-001-serving-sweeps.md").Where(r => r.System is { Model: "Qwen2-72B-Instruct", Hardware: "A100 80GB", Cards: 4 }).ToList();
        var rows = new List<AccuracyRow>();
        foreach (var run in runs)
        {
            var load = run.Workload.Mode == LoadMode.Asynchronous ? run.Workload with { RequestRatePerSecond = run.Central(MeasuredMetricKind.RequestsPerSecond)!.ValueInCanonicalUnit } : run.Workload;
            var point = ServingLoadModel.At(load, 128, 64, b => Duration.FromMilliseconds(17 + (0.1 * b)));
            var itl = run.Central(MeasuredMetricKind.InterTokenLatency)!;
            rows.Add(new AccuracyRow(run, itl.Key, itl.Info.Unit, itl.ValueInCanonicalUnit, point.StepTime.Milliseconds, point));
        }

        return new AccuracyResult("qwen2-72b-a100-tp4", rows, ["TestData/seed-001-serving-sweeps.md: an example note"]);
    }

    [Fact]
    public void Console_table() => SnapshotAssert.MatchesInEveryCulture(() => AccuracyReport.Console([Result()], "TTFT waits on the prefill estimate."), "accuracy.console", "txt");

    [Fact]
    public void Markdown_table() => SnapshotAssert.MatchesInEveryCulture(() => AccuracyReport.Markdown([Result()], "TTFT waits on the prefill estimate.", r => $"accuracy.{r.Scenario}.svg"), "accuracy.markdown", "txt");

    [Fact]
    public void Picture() => SnapshotAssert.MatchesInEveryCulture(() => AccuracySvg.Render(Result(), "qwen2-72b-a100-tp4: measured against estimated", "TTFT estimate: needs the prefill model"), "accuracy.picture", "svg");

    [Fact]
    public void Mape_leaves_out_saturated_rows()
    {
        // Synchronous: |17.1 - 30.1| / 30.1 = 43.19 %; the throughput row (B = 64, saturated) is only in MapeAll.
        var result = Result();
        Assert.Single(result.Rows, r => r.Point.Saturated);
        Assert.Equal(-43.1894, result.Rows[0].ErrorPercent, 4);
        Assert.NotEqual(result.Mape, result.MapeAll);
    }
}
