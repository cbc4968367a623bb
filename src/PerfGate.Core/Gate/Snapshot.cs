namespace PerfGate.Gate;

/// <summary>
/// A scenario's full result as the gate stores it: the provenance (tool version, input file hashes,
/// the settings it was computed for), every metric (an ordered tree by dotted key) and the tables.
/// Only metrics and table cells are compared for drift; provenance and settings explain a drift.
/// Values are rounded to <see cref="SignificantDigits"/> when the snapshot is built (<see cref="SnapshotBuilder"/>).
/// </summary>
public sealed record Snapshot
{
    public required string ScenarioId { get; init; }
    public required string ToolVersion { get; init; }
    public int SignificantDigits { get; init; } = PerfGate.Gate.SignificantDigits.Default;

    /// <summary>Sorted by path (ordinal).</summary>
    public IReadOnlyList<InputFileHash> Inputs { get; init; } = [];

    /// <summary>The settings the result was computed for, flattened to dotted keys; sorted by key (ordinal).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Settings { get; init; } = [];

    /// <summary>Sorted by key (ordinal): a stable, ordered tree.</summary>
    public IReadOnlyList<Metric> Metrics { get; init; } = [];

    /// <summary>In the order the estimates produced them; table names are unique.</summary>
    public IReadOnlyList<SnapshotTable> Tables { get; init; } = [];

    /// <summary>The metric with <paramref name="key"/>, or null when the snapshot has none.</summary>
    public Metric? FindMetric(string key)
    {
        foreach (var m in Metrics)
        {
            if (m.Key == key)
            {
                return m;
            }
        }

        return null;
    }

    /// <summary>Every comparable figure: the metrics, then each table's cells.</summary>
    public IEnumerable<Metric> AllFigures() => Metrics.Concat(Tables.SelectMany(t => t.Cells()));

    /// <summary>How many figures <see cref="AllFigures"/> gives, counted without building them (reports count every scenario's).</summary>
    public int FigureCount => Metrics.Count + Tables.Sum(t => t.Rows.Count * t.Columns.Count);
}
