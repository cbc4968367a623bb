using PerfGate.Gate;

namespace PerfGate.Tests.Gate;

/// <summary>Accepted differences (ApiCompat-style suppressions with a reason and expiry) and <c>fail: regressions</c>.</summary>
public sealed class AcceptedDifferencesTests
{
    private static readonly DateOnly Today = new(2026, 11, 28);

    private static ScenarioComparison Compare(Snapshot current, IReadOnlyList<GateTolerance> tolerances, params AcceptedDifference[] accepted) =>
        SnapshotComparer.Compare([SampleSnapshots.Current(current)], [SampleSnapshots.Document(SampleSnapshots.Qwq())], tolerances, id => $"baselines/{id}.verified.txt", accepted, Today).Scenarios.Single();

    [Fact]
    public void An_accepted_difference_passes_and_says_why()
    {
        // step 27.1235 -> 28.5 ms moves the step, the throughput and the mlp cell: all three accepted by "decode.*".
        var comparison = Compare(SampleSnapshots.Qwq(stepMs: 28.5), [], new AcceptedDifference("qwq-*", "decode.*", "new kernel tables, re-baseline in #42"));
        Assert.Equal(ScenarioStatus.Equal, comparison.Status);
        var step = comparison.Drifts.Single(d => d.Key == "decode.step_time");
        Assert.True(step.Tolerated);
        Assert.Equal("accepted: new kernel tables, re-baseline in #42", step.PassedBecause);
    }

    [Fact]
    public void A_changed_setting_passes_only_when_an_accepted_entry_names_it()
    {
        // batch 8 -> 16 with the same step: throughput doubles (accepted by "decode.*") and the setting decode.batch
        // changes. "decode.*" names the setting too; "decode.step*" covers neither the throughput nor the setting.
        var trial = SampleSnapshots.Qwq(batch: 16);
        Assert.Equal(ScenarioStatus.Equal, Compare(trial, [], new AcceptedDifference("qwq-*", "decode.*", "batch 16 trial")).Status);
        Assert.Equal(ScenarioStatus.Drifted, Compare(trial, [], new AcceptedDifference("qwq-*", "decode.throughput*", "figures only")).Status);
    }

    [Fact]
    public void An_expired_or_non_matching_entry_does_not_apply()
    {
        var expired = new AcceptedDifference("*", "decode.*", "temporary", new DateOnly(2026, 11, 28));
        Assert.True(expired.HasExpired(Today));
        Assert.Equal(ScenarioStatus.Drifted, Compare(SampleSnapshots.Qwq(stepMs: 28.5), [], expired).Status);
        Assert.Equal(ScenarioStatus.Drifted, Compare(SampleSnapshots.Qwq(stepMs: 28.5), [], new AcceptedDifference("other", "decode.*", "x")).Status);
        Assert.Equal("accepted: temporary (until 2026-11-28)", expired.Describe());
    }

    [Fact]
    public void Fail_on_regressions_lets_an_improvement_pass_with_a_notice_but_not_a_regression()
    {
        // Exact tolerance, fail: regressions. A faster step (25 ms) improves step and throughput; the mlp cell has no
        // tolerance rule and still fails, so the rule covers every decode figure.
        var rule = new GateTolerance("*", "decode.*", FailOn: ToleranceFailOn.Regressions);
        var faster = Compare(SampleSnapshots.Qwq(stepMs: 25), [rule]);
        Assert.Equal(ScenarioStatus.Equal, faster.Status);
        Assert.Equal("improvement; the tolerance fails on regressions only", faster.Drifts.Single(d => d.Key == "decode.step_time").PassedBecause);
        Assert.Equal("exact, fails on regressions only", rule.Describe());

        var slower = Compare(SampleSnapshots.Qwq(stepMs: 28.5), [rule]);
        Assert.Equal(ScenarioStatus.Drifted, slower.Status);
        Assert.False(slower.Drifts.Single(d => d.Key == "decode.step_time").Tolerated);
    }

    [Fact]
    public void Settings_in_drift_messages_carry_their_units()
    {
        // Snapshots keep base units; people read what a catalog document says.
        Assert.Equal("hardware.memoryBandwidth: 3.35 TB/s -> 3.2 TB/s", new SettingChange("hardware.memoryBandwidth", "3350000000000", "3200000000000").Describe());
        Assert.Equal("hardware.memory: 81559 MiB -> 80 GiB", new SettingChange("hardware.memory", "85520809984", "85899345920").Describe());
        Assert.Equal("hardware.bf16: 989 TFLOPS -> 1979 TFLOPS", new SettingChange("hardware.bf16", "989000000000000", "1979000000000000").Describe());
        Assert.Equal("hardware.intraNodeBandwidth: 450 GB/s -> (unset)", new SettingChange("hardware.intraNodeBandwidth", "450000000000", null).Describe());
        Assert.Equal("decode.batch: 16 -> 24", new SettingChange("decode.batch", "16", "24").Describe());
    }

    [Fact]
    public void Every_unit_bearing_hardware_setting_is_formatted()
    {
        // Binds SettingUnits to Evaluation.ScenarioSettings.Hardware: every numeric figure of a built-in hardware
        // document has a unit (ids, link kinds and flags are words, shown as recorded).
        foreach (var hw in PerfGate.Catalog.BuiltInCatalog.Load().Hardware.Values)
        {
            foreach (var (key, value) in PerfGate.Evaluation.ScenarioSettings.Hardware("hardware", hw))
            {
                if (double.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _))
                {
                    Assert.True(SettingUnits.HasUnit(key), key);
                    Assert.NotEqual(value, SettingUnits.Format(key, value));
                }
            }
        }
    }
}
