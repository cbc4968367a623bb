namespace PerfGate.Reports;

/// <summary>
/// Draws a <see cref="ConsoleReportModel"/> as terminal text (a table with borders, optional ANSI colour). Implemented
/// by the host that owns the console library (the CLI), so that Core stays free of one.
/// </summary>
public interface IConsoleReportRenderer
{
    string Render(ConsoleReportModel model, bool colour, int width);
}
