namespace PerfGate.Gate;

/// <summary>
/// One figure of a scenario's result. <see cref="Key"/> is a dotted path ("decode.step_time"): the dots
/// make the metrics an ordered tree. <see cref="Unit"/> is a fixed display unit chosen by the estimate
/// ("ms", "GiB", "tok/s"), never auto-scaled, so a value crossing 1000 does not change the text's unit.
/// A value, not an object: a run keeps every scenario's metrics to its end, and each object it keeps is one more for the
/// collector to mark and move. Look one up with <see cref="Snapshot.FindMetric"/> (null when absent), not FirstOrDefault.
/// </summary>
public readonly record struct Metric(string Key, SnapshotValue Value, string Unit = "", MetricDirection Direction = MetricDirection.Neutral)
{
    public static Metric Number(string key, double value, string unit = "", MetricDirection direction = MetricDirection.Neutral) =>
        new(key, SnapshotValue.Of(value), unit, direction);

    public static Metric Flag(string key, bool value) => new(key, SnapshotValue.Of(value));

    public static Metric Label(string key, string text) => new(key, SnapshotValue.Of(text));
}
