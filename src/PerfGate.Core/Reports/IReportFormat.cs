using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>
/// One report format of <c>perfgate check --report NAME[=FILE]</c> and perfgate.yaml's <c>reports.formats</c>.
/// Every format is one class implementing this interface and one line in <see cref="ReportFormats.All"/>; the
/// accepted option values, the perfgate.yaml names, the default file names and the help text all derive from that list.
/// </summary>
public interface IReportFormat
{
    /// <summary>The name on the command line and in perfgate.yaml (lower case, e.g. <c>markdown</c>).</summary>
    string Name { get; }

    /// <summary>Other spellings accepted on the command line (e.g. <c>md</c>); empty for most formats.</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>
    /// The file written in perfgate.yaml's <c>reports.directory</c> when <c>reports.formats</c> names this format
    /// (e.g. <c>perfgate.md</c>); null for a format that only goes to the terminal (it takes no <c>=FILE</c> either).
    /// </summary>
    string? DefaultFileName { get; }

    /// <summary>True when, without <c>=FILE</c> inside GitHub Actions, the report is appended to <c>$GITHUB_STEP_SUMMARY</c>.</summary>
    bool GoesToJobSummary { get; }

    /// <summary>The report's full text: a pure function of the result and the context (same input, same bytes).</summary>
    string Render(GateResult result, ReportContext context);
}
