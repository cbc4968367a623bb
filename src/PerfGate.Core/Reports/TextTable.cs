namespace PerfGate.Reports;

/// <summary>
/// A table for a person to read (the catalog's, the workspace's scenarios): an optional title, the column headers and
/// the rows, every cell already formatted with the invariant culture. The first column is an id and is not wrapped.
/// The front end draws it (the CLI with Spectre.Console).
/// </summary>
public sealed record TextTable(string? Title, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<string>> Rows);
