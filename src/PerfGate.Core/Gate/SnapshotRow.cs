namespace PerfGate.Gate;

/// <summary>
/// A row of a <see cref="SnapshotTable"/>: a unique key ("h800/cx7/ep144") and one value per column. A value, not an
/// object: a run keeps every scenario's rows to its end, and each object it keeps is one more for the collector to mark
/// and move.
/// </summary>
public readonly record struct SnapshotRow(string Key, IReadOnlyList<SnapshotValue> Cells);
