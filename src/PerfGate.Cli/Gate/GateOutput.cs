using PerfGate.Cli.Rendering;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Reports;

namespace PerfGate.Cli.Gate;

/// <summary>
/// Where check's output goes: diagnostics on standard output, one per line, as MSBuild canonical lines or
/// GitHub workflow commands (never both); reports through Core's <see cref="ReportWriter"/> to files on the disk, the
/// GitHub job summary, or the terminal (drawn with Spectre.Console, coloured on a terminal without NO_COLOR).
/// </summary>
internal sealed class GateOutput(CliContext context, string diagnosticsFormat)
{
    private readonly IDiagnosticFormat _diagnostics = DiagnosticFormats.Resolve(diagnosticsFormat, context.IsGitHubActions)
        ?? throw new ArgumentException($"unknown diagnostics format '{diagnosticsFormat}'", nameof(diagnosticsFormat));

    public void WriteProblems(IEnumerable<Diagnostic> problems, PathDisplay paths) =>
        Write([.. problems.Select(d => new GateFinding(paths.Show(d), 0))]);

    public void WriteFindings(GateResult result, Severity severity, PathDisplay paths) =>
        Write(GateDiagnostics.Create(result, severity, paths.Show));

    /// <summary>Findings made elsewhere (perfgate merge: the shards'), paths already as shown.</summary>
    public void WriteFindings(IReadOnlyList<GateFinding> findings) => Write(findings);

    /// <summary>The reports' context for this terminal: paths as shown, colour, width and the Spectre.Console renderer.</summary>
    public ReportContext Reports(PathDisplay paths) => new(paths.Show)
    {
        Colour = context.IsTerminal && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR")),
        Width = Width,
        ConsoleRenderer = SpectreConsoleReportRenderer.Instance,
    };

    /// <summary>
    /// Writes one report; false when a report file could not be written (a PG2017 error at the path has been printed;
    /// the caller exits 2). A job summary that cannot be appended to is only a warning.
    /// </summary>
    public bool WriteReport(ReportRequest request, GateResult result, ReportContext reports, PathDisplay paths)
    {
        var summary = context.IsGitHubActions ? context.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") : null;
        var written = new ReportWriter(PhysicalFileSystem.Instance, context.CurrentDirectory, reports) { JobSummary = string.IsNullOrEmpty(summary) ? null : summary }.Write(request, result);
        context.Out.Write(written.StandardOutput);
        WriteProblems(written.Diagnostics, paths);
        return written.Written;
    }

    private int Width
    {
        get
        {
            if (!context.IsTerminal || Console.IsOutputRedirected)
            {
                return 120;
            }

            try
            {
                return Math.Clamp(Console.WindowWidth, 60, 200);
            }
            catch (IOException)
            {
                return 120;
            }
        }
    }

    private void Write(IReadOnlyList<GateFinding> findings)
    {
        if (findings.Count > 0)
        {
            context.Out.Write(_diagnostics.Write(findings));
        }
    }
}
