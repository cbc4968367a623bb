using PerfGate.Gate;
using PerfGate.Tests.Gate;

namespace PerfGate.Tests.Reports;

/// <summary>
/// One gate result with every status: qwq drifted (batch 8 -> 16 in its scenario file, step 27.1235 -> 30 ms),
/// llama equal, mixtral equal within a 1 % tolerance, new-scenario new, gone removed.
/// </summary>
internal static class SampleResults
{
    public static GateResult Mixed()
    {
        var mixtral = Tolerant(2000);
        var gone = new SnapshotBuilder("gone", "0.1.0").Number(WellKnownMetrics.ThroughputPerCard, 12, "tok/s", MetricDirection.HigherIsBetter).Build();
        var fresh = new SnapshotBuilder("new-scenario", "0.1.0")
            .Input("baselines/scenarios/new-scenario.yaml", SampleSnapshots.ScenarioHash)
            .Number(WellKnownMetrics.ThroughputPerCard, 10, "tok/s", MetricDirection.HigherIsBetter)
            .Number("memory.stack.weights", 20, "GiB")
            .Number(WellKnownMetrics.MemoryCapacity, 80, "GiB")
            .Build();
        return SnapshotComparer.Compare(
            [
                SampleSnapshots.Current(SampleSnapshots.Qwq(stepMs: 30, batch: 16, scenarioHash: new string('3', 64), kvGiB: 35)),
                SampleSnapshots.Current(SampleSnapshots.Llama()),
                SampleSnapshots.Current(Tolerant(2010)),
                SampleSnapshots.Current(fresh),
            ],
            [
                SampleSnapshots.Document(SampleSnapshots.Qwq()),
                SampleSnapshots.Document(SampleSnapshots.Llama()),
                SampleSnapshots.Document(mixtral),
                SampleSnapshots.Document(gone),
            ],
            [new GateTolerance("mixtral-*", "decode.*", Relative: 0.01)],
            id => $"baselines/{id}.verified.txt");
    }

    public static GateResult AllEqual() => SnapshotComparer.Compare(
        [SampleSnapshots.Current(SampleSnapshots.Llama())],
        [SampleSnapshots.Document(SampleSnapshots.Llama())],
        [],
        id => $"baselines/{id}.verified.txt");

    /// <summary>
    /// A check of 62 scenarios, more than the console lists one by one: 60 plainly equal (s000 .. s059, two figures each),
    /// t-drifted (throughput 10 -> 11) and t-tolerated (10 -> 10.01 within a 1 % tolerance).
    /// </summary>
    public static GateResult Large()
    {
        var current = new List<CurrentScenario>();
        var baselines = new List<SnapshotDocument>();
        for (var i = 0; i < 60; i++)
        {
            var same = Plain($"s{i:000}", 10);
            current.Add(SampleSnapshots.Current(same));
            baselines.Add(SampleSnapshots.Document(same));
        }

        current.Add(SampleSnapshots.Current(Plain("t-drifted", 11)));
        baselines.Add(SampleSnapshots.Document(Plain("t-drifted", 10)));
        current.Add(SampleSnapshots.Current(Plain("t-tolerated", 10.01)));
        baselines.Add(SampleSnapshots.Document(Plain("t-tolerated", 10)));
        return SnapshotComparer.Compare(current, baselines, [new GateTolerance("t-tolerated", "*", Relative: 0.01)], id => $"baselines/{id}.verified.txt");
    }

    /// <summary>A scenario of two figures: its throughput per card and 20 GiB of weights.</summary>
    public static Snapshot Plain(string id, double throughput) =>
        new SnapshotBuilder(id, "0.1.0")
            .Number(WellKnownMetrics.ThroughputPerCard, throughput, "tok/s", MetricDirection.HigherIsBetter)
            .Number("memory.stack.weights", 20, "GiB")
            .Build();

    private static Snapshot Tolerant(double throughput) =>
        new SnapshotBuilder("mixtral-8x7b-a100", "0.1.0")
            .Number(WellKnownMetrics.ThroughputPerCard, throughput, "tok/s", MetricDirection.HigherIsBetter)
            .Build();
}
