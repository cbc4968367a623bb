using PerfGate.Diagnostics;
using PerfGate.Measurements;
using PerfGate.Measurements.Gate;

namespace PerfGate.Tests.Measurements.Gate;

public class MeasuredGateTests
{
    private static readonly MeasuredWorkload Load = new(LoadMode.Asynchronous, 2, null, 512, 128);

    internal static IReadOnlyList<MeasuredRun> Runs(MeasuredMetricKind kind, params double[] values) =>
        values.Select((v, i) => new MeasuredRun(new SourceLocation("runs.jsonl", i + 1, 1), "sglang-jsonl", Load.Label, MeasuredSystem.Unknown, Load, [new MeasuredMetric(kind, "mean", v, "test")], false)).ToList();

    private static MetricComparison Single(IReadOnlyList<MeasuredRun> baseline, IReadOnlyList<MeasuredRun> current, MeasuredGateOptions? options = null) =>
        Assert.Single(MeasuredGate.Compare(baseline, current, options ?? MeasuredGateOptions.Default).Metrics);

    [Fact]
    public void A_significant_change_beyond_the_floor_the_bad_way_is_a_regression()
    {
        // 100 ± 1 -> 110 ± 1: +10 % ≥ 5 %; t = 10 / √(2/3) = 12.25 with ν = 4: p ≈ 0.0001 ≤ 0.05.
        var m = Single(Runs(MeasuredMetricKind.TimeToFirstToken, 100, 101, 99), Runs(MeasuredMetricKind.TimeToFirstToken, 110, 111, 109));
        Assert.Equal(MeasuredVerdict.Regression, m.Verdict);
        Assert.Equal(0.10, m.Change!.Value, 12);
        Assert.True(m.Test!.PValue < 0.001);
    }

    [Fact]
    public void The_same_shift_in_noisy_runs_is_not_significant()
    {
        // 100 ± 20 -> 110 ± 20: +10 %, but t = 10 / √(800/3) = 0.61, p = 0.29 > 0.05.
        var m = Single(Runs(MeasuredMetricKind.TimeToFirstToken, 100, 120, 80), Runs(MeasuredMetricKind.TimeToFirstToken, 110, 130, 90));
        Assert.Equal(MeasuredVerdict.Unchanged, m.Verdict);
        Assert.True(m.Test!.PValue > 0.2);
    }

    [Fact]
    public void A_significant_change_below_the_floor_is_not_a_regression()
    {
        // +1 %: significant on quiet runs, under the 5 % floor.
        var m = Single(Runs(MeasuredMetricKind.TimeToFirstToken, 100, 100.1, 99.9), Runs(MeasuredMetricKind.TimeToFirstToken, 101, 101.1, 100.9));
        Assert.Equal(MeasuredVerdict.Unchanged, m.Verdict);
        Assert.True(m.Test!.PValue < 0.001);
    }

    [Fact]
    public void Throughput_down_is_worse_and_latency_down_is_better()
    {
        Assert.Equal(MeasuredVerdict.Regression, Single(Runs(MeasuredMetricKind.RequestsPerSecond, 10, 10.1, 9.9), Runs(MeasuredMetricKind.RequestsPerSecond, 9, 9.1, 8.9)).Verdict);
        Assert.Equal(MeasuredVerdict.Improvement, Single(Runs(MeasuredMetricKind.InterTokenLatency, 30, 30.2, 29.8), Runs(MeasuredMetricKind.InterTokenLatency, 25, 25.2, 24.8)).Verdict);
    }

    [Fact]
    public void Fewer_runs_than_the_minimum_are_not_judged_unless_the_minimum_is_one()
    {
        var before = Runs(MeasuredMetricKind.TimeToFirstToken, 100);
        var after = Runs(MeasuredMetricKind.TimeToFirstToken, 120);
        Assert.Equal(MeasuredVerdict.TooFewRuns, Single(before, after).Verdict);

        // One run a side with --min-runs 1: the floor alone decides (+20 % ≥ 5 %), no test.
        var single = Single(before, after, MeasuredGateOptions.Default with { MinRuns = 1 });
        Assert.Equal(MeasuredVerdict.Regression, single.Verdict);
        Assert.Null(single.Test);
    }

    [Fact]
    public void A_per_metric_floor_overrides_the_default()
    {
        var options = MeasuredGateOptions.Default with { Floors = new Dictionary<string, double> { ["ttft"] = 0.2 } };
        Assert.Equal(0.2, options.FloorFor("ttft.mean"));
        Assert.Equal(0.05, options.FloorFor("itl.mean"));
        var m = Single(Runs(MeasuredMetricKind.TimeToFirstToken, 100, 101, 99), Runs(MeasuredMetricKind.TimeToFirstToken, 110, 111, 109), options);
        Assert.Equal(MeasuredVerdict.Unchanged, m.Verdict);
    }

    [Fact]
    public void Mann_whitney_needs_three_separated_runs_a_side_to_reach_alpha_005()
    {
        var options = MeasuredGateOptions.Default with { Test = SignificanceTest.MannWhitney };
        var m = Single(Runs(MeasuredMetricKind.TimeToFirstToken, 100, 101, 99), Runs(MeasuredMetricKind.TimeToFirstToken, 110, 111, 109), options);
        Assert.Equal(MeasuredVerdict.Regression, m.Verdict);
        Assert.Equal(0.05, m.Test!.PValue, 12);
    }

    [Fact]
    public void Failed_runs_are_left_out_and_listed()
    {
        var baseline = Runs(MeasuredMetricKind.TimeToFirstToken, 100, 101, 99);
        var broken = Runs(MeasuredMetricKind.TimeToFirstToken, 0).Select(r => r with { Failed = true });
        var result = MeasuredGate.Compare(baseline, [.. Runs(MeasuredMetricKind.TimeToFirstToken, 100, 100.5, 99.5), .. broken], MeasuredGateOptions.Default);
        Assert.Equal(3, Assert.Single(result.Metrics).New.Count);
        Assert.Single(result.FailedRuns);
        Assert.False(result.HasRegression);
    }

    [Fact]
    public void A_metric_on_one_side_only_is_reported_as_such()
    {
        var result = MeasuredGate.Compare(Runs(MeasuredMetricKind.TimeToFirstToken, 100), Runs(MeasuredMetricKind.InterTokenLatency, 10), MeasuredGateOptions.Default);
        Assert.Equal([MeasuredVerdict.OnlyInNew, MeasuredVerdict.OnlyInBaseline], result.Metrics.Select(m => m.Verdict));
    }
}
