using PerfGate.Measurements;
using PerfGate.Measurements.Accuracy;
using PerfGate.Quantities;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Measurements.Accuracy;

/// <summary>
/// The accuracy table and picture from seed 001's Qwen2-72B 4 x A100 sweep, against a fixed step-time curve
/// t(B) = 17 ms + 0.1 ms x B with B_max 64 and a fixed prefill of 200 ms (so the two fastest rates do not hold) (so the snapshots do not move when the
/// decode or prefill estimator does).
/// </summary>
public class AccuracyOutputSnapshotTests
{
    private static AccuracyResult Result()
    {
        var runs = MeasuredTestData.Runs("seed-001-serving-sweeps.md").Where(r => r.System is { Model: "Qwen2-72B-Instruct", Hardware: "A100 80GB", Cards: 4 }).ToList();
        var rows = new List<AccuracyRow>();
        var notes = new List<string> { "TestData/seed-001-serving-sweeps.md: an example note" };
        foreach (var run in runs)
        {
            var point = ServingLoadModel.At(AccuracyEstimator.Sustained(run), 128, 64, b => Duration.FromMilliseconds(17 + (0.1 * b)), Duration.FromMilliseconds(200));
            rows.AddRange(AccuracyEstimator.RowsAt(run, point));
            if (point.Why is { } why)
            {
                notes.Add($"{run.Label}: {why}");
            }
        }

        return new AccuracyResult("qwen2-72b-a100-tp4", rows, notes);
    }

    [Fact]
    public void Console_table() => SnapshotAssert.MatchesInEveryCulture(() => AccuracyReport.Console([Result()], "A closing note."), "accuracy.console", "txt");

    [Fact]
    public void Markdown_table() => SnapshotAssert.MatchesInEveryCulture(() => AccuracyReport.Markdown([Result()], "A closing note.", r => $"accuracy.{r.Scenario}.svg"), "accuracy.markdown", "txt");

    [Fact]
    public void Picture() => SnapshotAssert.MatchesInEveryCulture(() => AccuracySvg.Render(Result(), "qwen2-72b-a100-tp4: measured against estimated"), "accuracy.picture", "svg");

    [Fact]
    public void Mape_counts_only_the_rows_where_the_model_holds()
    {
        // Synchronous ITL: t(1) = 17.1 ms against 30.1: (17.1 - 30.1) / 30.1 = -43.19 %. TTFT: the 200 ms prefill
        // against 170.13 ms: +17.56 %. The throughput rows (B = 64, saturated) count only in MapeAll; the throughput
        // TTFT has no estimate (it is the benchmark's queue). At 4.45 req/s sustained: ρ = 0.89 and Little's law wants
        // 4.45 x 127 x (0.017 + 0.0001 B) <= 0.11 B, B >= 180 > B_max = 64: does not hold, no estimate.
        var result = Result();
        Assert.Equal(-43.1894, result.Rows[0].ErrorPercent!.Value, 4);
        Assert.Equal(17.5572, result.Rows.Single(r => r.Run.Workload.Mode == LoadMode.Synchronous && r.MetricKey == "ttft.mean").ErrorPercent!.Value, 4);
        Assert.Contains(result.Rows, r => r.Point.Regime == ServingRegime.Saturated && r.Estimated is null);
        Assert.All(result.Rows.Where(r => !r.Point.Holds), r => Assert.False(r.Counts));
        Assert.All(result.Rows.Where(r => r.Run.Label == "asynchronous@6.52 req/sec"), r => Assert.Equal((ServingRegime.DoesNotHold, (double?)null), (r.Point.Regime, r.Estimated)));
        Assert.NotEqual(result.Mape, result.MapeAll);
    }
}
