using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Tests.Gate;

/// <summary>Deterministic snapshots for the gate's tests and the report snapshot tests.</summary>
internal static class SampleSnapshots
{
    public const string ScenarioHash = "1111111111111111111111111111111111111111111111111111111111111111";
    public const string CatalogHash = "2222222222222222222222222222222222222222222222222222222222222222";

    /// <summary>A QwQ-32B-on-910B3-like result; <paramref name="stepMs"/> and <paramref name="batch"/> vary between tests.</summary>
    public static Snapshot Qwq(double stepMs = 27.123456789, int batch = 8, string scenarioHash = ScenarioHash, double kvGiB = 8)
    {
        var throughput = batch / (stepMs / 1000);
        return new SnapshotBuilder("qwq-32b-910b3", "0.1.0")
            .Input("baselines/scenarios/qwq-32b-910b3.yaml", scenarioHash)
            .Input("builtin:hardware/ascend-910b3.yaml", CatalogHash)
            .Setting("model", "qwq-32b")
            .Setting("hardware", "ascend-910b3")
            .Setting("decode.batch", batch.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Number("decode.step_time", stepMs, "ms", MetricDirection.LowerIsBetter)
            .Number("decode.throughput_per_card", throughput / 4, "tok/s", MetricDirection.HigherIsBetter)
            .Number("memory.stack.weights", 15.2587890625, "GiB")
            .Number("memory.stack.kv_cache", kvGiB, "GiB")
            .Number("memory.stack.system", 3.4, "GiB")
            .Number("memory.capacity", 60.96875, "GiB")
            .Flag("memory.fits", true)
            .Label("decode.pipeline", "naive")
            .Table(new SnapshotTable(
                "decode.breakdown",
                [new SnapshotColumn("time", "us", MetricDirection.LowerIsBetter), new SnapshotColumn("bound")],
                [
                    new SnapshotRow("attention", [SnapshotValue.Of(stepMs * 1000 * 0.25), SnapshotValue.Of("memory")]),
                    new SnapshotRow("mlp", [SnapshotValue.Of(stepMs * 1000 * 0.75), SnapshotValue.Of("memory")]),
                ]))
            .Build();
    }

    public static Snapshot Llama(double throughput = 2500) =>
        new SnapshotBuilder("llama-3-8b-h100", "0.1.0")
            .Input("baselines/scenarios/llama-3-8b-h100.yaml", ScenarioHash)
            .Setting("model", "llama-3-8b")
            .Number("decode.throughput_per_card", throughput, "tok/s", MetricDirection.HigherIsBetter)
            .Number("memory.stack.weights", 14.9, "GiB")
            .Number("memory.stack.kv_cache", 50, "GiB")
            .Build();

    public static CurrentScenario Current(Snapshot snapshot) =>
        new(snapshot, new SourceLocation($"baselines/scenarios/{snapshot.ScenarioId}.yaml", 1, 1));

    public static SnapshotDocument Document(Snapshot snapshot, string folder = "baselines")
    {
        var path = $"{folder}/{snapshot.ScenarioId}.verified.txt";
        var read = SnapshotReader.Read(SnapshotWriter.Write(snapshot), path);
        return read.Document ?? throw new InvalidOperationException(read.Error!.ToCanonicalString());
    }
}
