namespace PerfGate.Gate;

/// <summary>
/// A table in a snapshot (the decode breakdown, the configuration search). Each row is one line in the
/// file, so a diff shows which rows moved. Each cell compares like a metric whose key is
/// <c>table[row].column</c> (see <see cref="CellKey"/>), so tolerances apply to cells too.
/// </summary>
public sealed record SnapshotTable(string Name, IReadOnlyList<SnapshotColumn> Columns, IReadOnlyList<SnapshotRow> Rows)
{
    public static string CellKey(string table, string row, string column) => $"{table}[{row}].{column}";

    /// <summary>Every cell as a metric, in row then column order.</summary>
    public IEnumerable<Metric> Cells()
    {
        foreach (var row in Rows)
        {
            for (var i = 0; i < Columns.Count; i++)
            {
                var column = Columns[i];
                yield return new Metric(CellKey(Name, row.Key, column.Name), row.Cells[i], column.Unit, column.Direction);
            }
        }
    }
}
