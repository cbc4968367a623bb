namespace PerfGate.Reports;

/// <summary>
/// The console report as data: a headline, a table (<see cref="Columns"/>, one cell per column in each row), and the
/// lines after it. <see cref="ConsoleReport"/> builds it; the host's <see cref="IConsoleReportRenderer"/> draws it.
/// </summary>
public sealed record ConsoleReportModel(
    ConsoleCell Headline,
    IReadOnlyList<ConsoleColumn> Columns,
    IReadOnlyList<IReadOnlyList<ConsoleCell>> Rows,
    IReadOnlyList<ConsoleCell> Footer);
