using PerfGate.Gate;

namespace PerfGate.Tests.Gate;

public sealed class SnapshotComparerTests
{
    private static GateResult Compare(Snapshot current, Snapshot baseline, params GateTolerance[] tolerances) =>
        SnapshotComparer.Compare([SampleSnapshots.Current(current)], [SampleSnapshots.Document(baseline)], tolerances, id => $"baselines/{id}.verified.txt");

    [Fact]
    public void Identical_results_are_equal()
    {
        var result = Compare(SampleSnapshots.Qwq(), SampleSnapshots.Qwq());
        Assert.True(result.Passed);
        Assert.Equal(ScenarioStatus.Equal, result.Scenarios.Single().Status);
        Assert.Empty(result.Scenarios.Single().Drifts);
    }

    [Fact]
    public void A_change_below_the_rounding_is_no_drift()
    {
        // 27.1234567 and 27.1234599 both round to 27.1235 at 6 significant digits.
        var result = Compare(SampleSnapshots.Qwq(stepMs: 27.1234599), SampleSnapshots.Qwq(stepMs: 27.1234567));
        Assert.True(result.Passed);
    }

    [Fact]
    public void A_slower_step_is_a_regression_with_old_new_and_percent()
    {
        // step 27.1235 ms -> 28.5 ms: +5.0747 %; throughput 8/0.0271235/4 = 73.7369 -> 8/0.0285/4 = 70.1754 tok/s: -4.8300 %.
        var comparison = Compare(SampleSnapshots.Qwq(stepMs: 28.5), SampleSnapshots.Qwq()).Scenarios.Single();
        Assert.Equal(ScenarioStatus.Drifted, comparison.Status);
        var step = comparison.Drifts.Single(d => d.Key == "decode.step_time");
        Assert.Equal(DriftLabel.Regression, step.Label);
        Assert.Equal(27.1235, step.Old!.Value.Number);
        Assert.Equal(28.5, step.New!.Value.Number);
        Assert.Equal(5.0747, step.ChangePercent!.Value, 3);
        var tps = comparison.Drifts.Single(d => d.Key == "decode.throughput_per_card");
        Assert.Equal(DriftLabel.Regression, tps.Label);
        Assert.Equal(-4.8300, tps.ChangePercent!.Value, 3);
        var cell = comparison.Drifts.Single(d => d.Key == "decode.breakdown[mlp].time");
        Assert.Equal(DriftLabel.Regression, cell.Label);
    }

    [Fact]
    public void A_faster_step_is_an_improvement_that_still_needs_approval()
    {
        var comparison = Compare(SampleSnapshots.Qwq(stepMs: 25), SampleSnapshots.Qwq()).Scenarios.Single();
        Assert.Equal(ScenarioStatus.Drifted, comparison.Status);
        Assert.Equal(DriftLabel.Improvement, comparison.Drifts.Single(d => d.Key == "decode.step_time").Label);
        Assert.Equal(DriftLabel.Improvement, comparison.Drifts.Single(d => d.Key == "decode.throughput_per_card").Label);
    }

    [Fact]
    public void A_neutral_figure_is_labelled_a_change()
    {
        var comparison = Compare(SampleSnapshots.Qwq(kvGiB: 35), SampleSnapshots.Qwq()).Scenarios.Single();
        var kv = comparison.Drifts.Single();
        Assert.Equal("memory.stack.kv_cache", kv.Key);
        Assert.Equal(DriftLabel.Change, kv.Label);
        Assert.Equal(337.5, kv.ChangePercent!.Value, 6); // (35 - 8) / 8 = 3.375
    }

    [Fact]
    public void A_drift_within_a_relative_tolerance_passes_and_is_still_reported()
    {
        // 8 -> 8.3 GiB is +3.75 %; a 5 % tolerance on memory.* allows it.
        var comparison = Compare(SampleSnapshots.Qwq(kvGiB: 8.3), SampleSnapshots.Qwq(), new GateTolerance("qwq-*", "memory.*", Relative: 0.05)).Scenarios.Single();
        Assert.Equal(ScenarioStatus.Equal, comparison.Status);
        var kv = Assert.Single(comparison.WithinTolerance);
        Assert.True(kv.Tolerated);
        Assert.Equal("±5 %", kv.Tolerance!.Describe());
    }

    [Fact]
    public void A_drift_beyond_the_tolerance_fails()
    {
        // 8 -> 8.5 GiB is +6.25 % > 5 %, and 0.5 GiB > the 0.25 GiB absolute allowance.
        var comparison = Compare(SampleSnapshots.Qwq(kvGiB: 8.5), SampleSnapshots.Qwq(), new GateTolerance("*", "memory.stack.*", Relative: 0.05, Absolute: 0.25)).Scenarios.Single();
        Assert.Equal(ScenarioStatus.Drifted, comparison.Status);
        Assert.False(comparison.Drifts.Single().Tolerated);
    }

    [Fact]
    public void An_absolute_tolerance_alone_applies_in_the_metric_unit()
    {
        // 8 -> 8.5 GiB: |0.5| <= 0.5 GiB.
        var comparison = Compare(SampleSnapshots.Qwq(kvGiB: 8.5), SampleSnapshots.Qwq(), new GateTolerance("*", "memory.stack.kv_cache", Absolute: 0.5)).Scenarios.Single();
        Assert.Equal(ScenarioStatus.Equal, comparison.Status);
    }

    [Fact]
    public void The_last_matching_tolerance_wins_and_other_scenarios_are_exact()
    {
        var rules = new[] { new GateTolerance("*", "*", Relative: 0.5), new GateTolerance("*", "memory.*", Relative: 0.01) };
        Assert.Equal(ScenarioStatus.Drifted, Compare(SampleSnapshots.Qwq(kvGiB: 8.5), SampleSnapshots.Qwq(), rules).Scenarios.Single().Status);
        var other = new[] { new GateTolerance("llama-*", "*", Relative: 0.5) };
        Assert.Equal(ScenarioStatus.Drifted, Compare(SampleSnapshots.Qwq(kvGiB: 8.5), SampleSnapshots.Qwq(), other).Scenarios.Single().Status);
    }

    [Fact]
    public void New_and_removed_scenarios_are_classified()
    {
        var result = SnapshotComparer.Compare(
            [SampleSnapshots.Current(SampleSnapshots.Qwq())],
            [SampleSnapshots.Document(SampleSnapshots.Llama())],
            [],
            id => $"baselines/{id}.verified.txt");
        Assert.False(result.Passed);
        Assert.Equal(["llama-3-8b-h100", "qwq-32b-910b3"], result.Scenarios.Select(s => s.ScenarioId));
        Assert.Equal(ScenarioStatus.Removed, result.Scenarios[0].Status);
        Assert.Equal(ScenarioStatus.New, result.Scenarios[1].Status);
        Assert.Equal("baselines/qwq-32b-910b3.verified.txt", result.Scenarios[1].BaselinePath);
    }

    [Fact]
    public void Inputs_and_settings_that_changed_explain_the_drift()
    {
        var comparison = Compare(SampleSnapshots.Qwq(batch: 16, scenarioHash: new string('3', 64)), SampleSnapshots.Qwq()).Scenarios.Single();
        var input = Assert.Single(comparison.InputChanges);
        Assert.Equal("baselines/scenarios/qwq-32b-910b3.yaml (content changed)", input.Describe());
        var setting = Assert.Single(comparison.SettingChanges);
        Assert.Equal("decode.batch: 8 -> 16", setting.Describe());
    }

    [Fact]
    public void Provenance_alone_is_no_drift()
    {
        var changedHash = SampleSnapshots.Qwq(scenarioHash: new string('3', 64)) with { ToolVersion = "0.2.0" };
        var comparison = Compare(changedHash, SampleSnapshots.Qwq()).Scenarios.Single();
        Assert.Equal(ScenarioStatus.Equal, comparison.Status);
        Assert.Single(comparison.InputChanges);
    }

    [Fact]
    public void Added_and_removed_figures_drift_and_point_at_their_lines()
    {
        var baseline = SampleSnapshots.Document(SampleSnapshots.Llama());
        var current = new SnapshotBuilder("llama-3-8b-h100", "0.1.0")
            .Input("baselines/scenarios/llama-3-8b-h100.yaml", SampleSnapshots.ScenarioHash)
            .Setting("model", "llama-3-8b")
            .Number("decode.throughput_per_card", 2500, "tok/s", MetricDirection.HigherIsBetter)
            .Number("memory.stack.weights", 14.9, "GiB")
            .Number("memory.stack.activations", 1.5, "GiB")
            .Build();
        var comparison = SnapshotComparer.CompareOne(SampleSnapshots.Current(current), baseline, []);
        Assert.Equal(ScenarioStatus.Drifted, comparison.Status);
        var removed = comparison.Drifts.Single(d => d.Kind == DriftKind.Removed);
        Assert.Equal("memory.stack.kv_cache", removed.Key);
        Assert.Equal(baseline.LineOf("memory.stack.kv_cache"), removed.BaselineLine);
        var added = comparison.Drifts.Single(d => d.Kind == DriftKind.Added);
        Assert.Equal("memory.stack.activations", added.Key);
        Assert.Equal(baseline.ScenarioLine, added.BaselineLine);
    }

    [Fact]
    public void A_changed_unit_always_drifts_even_within_tolerance()
    {
        var baseline = SampleSnapshots.Document(new SnapshotBuilder("s", "1").Number("m", 1024, "MiB").Build());
        var current = new SnapshotBuilder("s", "1").Number("m", 1024, "GiB").Build();
        var comparison = SnapshotComparer.CompareOne(SampleSnapshots.Current(current), baseline, [new GateTolerance("*", "*", 1, 1e9)]);
        Assert.Equal(ScenarioStatus.Drifted, comparison.Status);
        Assert.Null(comparison.Drifts.Single().ChangePercent);
    }
}
