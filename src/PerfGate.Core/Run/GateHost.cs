using PerfGate.IO;
using PerfGate.Reports;

namespace PerfGate.Run;

/// <summary>
/// What a front end chooses for <see cref="GateCommands"/>: the writers (standard output takes the diagnostics and the
/// terminal reports, standard error the refusals), the file system reports and inputs are written to, the current
/// directory (relative paths resolve against it and workspace paths are shown relative to it), the diagnostics format,
/// the reports' look (colour, width and the console renderer; the paths are set per run) and the GitHub job summary.
/// </summary>
public sealed record GateHost(TextWriter Out, TextWriter Error, IFileSystem Files, string CurrentDirectory, IDiagnosticFormat Diagnostics, ReportContext Reports)
{
    /// <summary>The job summary file (<c>$GITHUB_STEP_SUMMARY</c> inside GitHub Actions), or null.</summary>
    public string? JobSummary { get; init; }
}
