using PerfGate.Gate;
using PerfGate.Reports;

namespace PerfGate.Tests.Gate;

/// <summary>
/// The whole snapshot is verified, as Verify does: a recorded setting that differs from the recomputed one is a drift
/// naming the key even when no figure moved; an input hash that differs while everything else is equal passes with
/// stale provenance.
/// </summary>
public sealed class WholeSnapshotTests
{
    [Fact]
    public void An_edited_setting_drifts_at_its_line_even_when_no_figure_moved()
    {
        var result = SampleProvenance.Result();
        var s = result.Scenarios.Single(c => c.ScenarioId == SampleProvenance.EditedSetting);
        Assert.Equal(ScenarioStatus.Drifted, s.Status);
        Assert.True(s.SettingsOnly);
        Assert.Empty(s.Drifts);
        var change = Assert.Single(s.SettingChanges);
        Assert.Equal(new SettingChange("hardware.bf16", "989000000000000", "990000000000000"), change);

        // Lines 1-2 comments, 3-6 header, 7 blank, 8 [inputs], 9 the input, 10 blank, 11 [settings], 12 hardware.bf16.
        Assert.Equal(12, s.SettingLines["hardware.bf16"]);
        Assert.False(result.Passed);
    }

    [Fact]
    public void A_changed_input_hash_alone_passes_with_stale_provenance()
    {
        var result = SampleProvenance.Result();
        var s = result.Scenarios.Single(c => c.ScenarioId == SampleProvenance.EditedComment);
        Assert.Equal(ScenarioStatus.Equal, s.Status);
        Assert.True(s.ProvenanceStale);
        Assert.Equal(9, s.FirstInputLine);
        Assert.Single(s.InputChanges);
        Assert.False(result.Scenarios.Single(c => c.ScenarioId == "llama-3-8b-h100").ProvenanceStale);
    }

    [Fact]
    public void Diagnostics_name_the_setting_and_the_stale_input()
    {
        var findings = GateDiagnostics.Create(SampleProvenance.Result(), Diagnostics.Severity.Error, p => p);
        var setting = Assert.Single(findings, f => f.Diagnostic.Id == "PG1001");
        Assert.Equal(
            "baselines/edited-setting.verified.txt(12,1): error PG1001: edited-setting: setting hardware.bf16 \"989000000000000\" -> \"990000000000000\"; " +
            "no figure moved, but the baseline no longer records the settings it was computed from. To approve: perfgate approve edited-setting",
            setting.Diagnostic.ToCanonicalString());
        var stale = Assert.Single(findings, f => f.Diagnostic.Id == "PG1008");
        Assert.Equal(Diagnostics.Severity.Info, stale.Diagnostic.Severity);
        Assert.StartsWith("baselines/edited-comment.verified.txt(9,1): info PG1008: edited-comment: every figure and setting equals the baseline", stale.Diagnostic.ToCanonicalString(), StringComparison.Ordinal);
    }
}
