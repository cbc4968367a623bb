using PerfGate.Cli.Rendering;
using PerfGate.IO;
using PerfGate.Reports;
using PerfGate.Run;

namespace PerfGate.Cli.Gate;

/// <summary>
/// The CLI's <see cref="GateHost"/>: the console writers and the disk, diagnostics as MSBuild canonical lines or GitHub
/// workflow commands, the console report drawn with Spectre.Console (coloured on a terminal without NO_COLOR, as wide as
/// the terminal), and the GitHub job summary inside GitHub Actions.
/// </summary>
internal static class GateOutput
{
    public static GateHost Host(CliContext context, string diagnosticsFormat)
    {
        var summary = context.IsGitHubActions ? context.GetEnvironmentVariable("GITHUB_STEP_SUMMARY") : null;
        var format = DiagnosticFormats.Resolve(diagnosticsFormat, context.IsGitHubActions)
            ?? throw new ArgumentException($"unknown diagnostics format '{diagnosticsFormat}'", nameof(diagnosticsFormat));
        var reports = new ReportContext(path => path)
        {
            Colour = context.IsTerminal && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR")),
            Width = Width(context),
            ConsoleRenderer = SpectreConsoleReportRenderer.Instance,
        };
        return new GateHost(context.Out, context.Error, PhysicalFileSystem.Instance, context.CurrentDirectory, format, reports) { JobSummary = string.IsNullOrEmpty(summary) ? null : summary };
    }

    private static int Width(CliContext context)
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
