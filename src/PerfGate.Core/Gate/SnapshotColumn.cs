namespace PerfGate.Gate;

/// <summary>A column of a <see cref="SnapshotTable"/>: its name, fixed unit and direction (as for a <see cref="Metric"/>).</summary>
public sealed record SnapshotColumn(string Name, string Unit = "", MetricDirection Direction = MetricDirection.Neutral);
