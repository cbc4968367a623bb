using PerfGate.Gate;

namespace PerfGate.Tests.Gate;

/// <summary>
/// A gate result for the whole-snapshot rules: "edited-setting" (its baseline's hardware.bf16 edited by hand, every
/// figure equal), "edited-comment" (its scenario file's hash changed, everything else equal) and llama, equal.
/// </summary>
internal static class SampleProvenance
{
    public const string EditedSetting = "edited-setting";
    public const string EditedComment = "edited-comment";

    public static GateResult Result() => SnapshotComparer.Compare(
        [
            SampleSnapshots.Current(Snapshot(EditedSetting, "990000000000000", SampleSnapshots.ScenarioHash)),
            SampleSnapshots.Current(Snapshot(EditedComment, "989000000000000", new string('4', 64))),
            SampleSnapshots.Current(SampleSnapshots.Llama()),
        ],
        [
            SampleSnapshots.Document(Snapshot(EditedSetting, "989000000000000", SampleSnapshots.ScenarioHash)),
            SampleSnapshots.Document(Snapshot(EditedComment, "989000000000000", SampleSnapshots.ScenarioHash)),
            SampleSnapshots.Document(SampleSnapshots.Llama()),
        ],
        [],
        id => $"baselines/{id}.verified.txt");

    private static Snapshot Snapshot(string id, string bf16, string hash) =>
        new SnapshotBuilder(id, "0.1.0")
            .Input($"scenarios/{id}.yaml", hash)
            .Setting("hardware.bf16", bf16)
            .Setting("model", "llama-3-8b")
            .Number(WellKnownMetrics.ThroughputPerCard, 2500, "tok/s", MetricDirection.HigherIsBetter)
            .Build();
}
