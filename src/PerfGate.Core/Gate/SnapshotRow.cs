namespace PerfGate.Gate;

/// <summary>A row of a <see cref="SnapshotTable"/>: a unique key ("h800/cx7/ep144") and one value per column.</summary>
public sealed record SnapshotRow(string Key, IReadOnlyList<SnapshotValue> Cells);
