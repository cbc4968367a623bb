namespace PerfGate.Gate;

/// <summary>
/// A snapshot read back from a file, with where each figure was written: <see cref="FigureLines"/> maps a
/// metric key or a table cell key (<see cref="SnapshotTable.CellKey"/>) to its 1-based line, so a drift
/// diagnostic points at the line a reviewer sees in the diff.
/// </summary>
public sealed record SnapshotDocument(string Path, Snapshot Snapshot, IReadOnlyDictionary<string, int> FigureLines, int ScenarioLine)
{
    private static readonly Dictionary<string, int> None = new(StringComparer.Ordinal);

    /// <summary>The 1-based line of each <c>[settings]</c> key.</summary>
    public IReadOnlyDictionary<string, int> SettingLines { get; init; } = None;

    /// <summary>The 1-based line of each <c>[inputs]</c> path.</summary>
    public IReadOnlyDictionary<string, int> InputLines { get; init; } = None;

    /// <summary>
    /// The file's text is exactly the canonical writing of the recomputed snapshot (the common case: nothing changed),
    /// so it was not parsed: <see cref="Snapshot"/> is the recomputed one, and there is nothing to compare.
    /// </summary>
    public bool Verbatim { get; init; }

    public int LineOf(string figureKey) => FigureLines.TryGetValue(figureKey, out var line) ? line : ScenarioLine;

    /// <summary>The line of a setting, or of the <c>scenario =</c> line when the baseline does not record it.</summary>
    public int SettingLineOf(string key) => SettingLines.TryGetValue(key, out var line) ? line : ScenarioLine;

    /// <summary>The line of an input, or of the <c>scenario =</c> line when the baseline does not record it.</summary>
    public int InputLineOf(string path) => InputLines.TryGetValue(path, out var line) ? line : ScenarioLine;
}
