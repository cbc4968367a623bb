namespace PerfGate.Gate;

/// <summary>
/// A snapshot read back from a file, with where each figure was written: <see cref="FigureLines"/> maps a
/// metric key or a table cell key (<see cref="SnapshotTable.CellKey"/>) to its 1-based line, so a drift
/// diagnostic points at the line a reviewer sees in the diff.
/// </summary>
public sealed record SnapshotDocument(string Path, Snapshot Snapshot, IReadOnlyDictionary<string, int> FigureLines, int ScenarioLine)
{
    public int LineOf(string figureKey) => FigureLines.TryGetValue(figureKey, out var line) ? line : ScenarioLine;
}
