using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Gate.IO;
using PerfGate.Reports;

namespace PerfGate.Cli.Gate;

/// <summary>
/// Where check's output goes: diagnostics on standard output, one per line, as MSBuild canonical lines or
/// GitHub workflow commands (never both); reports to files, the terminal or the GitHub job summary.
/// </summary>
internal sealed class GateOutput(CliContext context, string diagnosticsFormat)
{
    public bool GitHubFormat => diagnosticsFormat == "github" || (diagnosticsFormat == "auto" && context.IsGitHubActions);

    public void WriteProblems(IEnumerable<Diagnostic> problems, PathDisplay paths)
    {
        var findings = problems.Select(d => new GateFinding(d.Location.IsKnown ? d with { Location = d.Location with { File = paths.Show(d.Location.File) } } : d, 0)).ToList();
        Write(findings);
    }

    public void WriteFindings(GateResult result, Severity severity, PathDisplay paths) =>
        Write(GateDiagnostics.Create(result, severity, paths.Show));

    public void WriteReport(ReportRequest request, GateResult result, PathDisplay paths)
    {
        var text = request.Kind switch
        {
            ReportKind.Console => ConsoleReport.Render(result, CultureInfo.CurrentCulture, Colour, Width),
            ReportKind.Markdown => MarkdownReport.Render(result, paths.Show),
            ReportKind.Json => JsonReport.Render(result, paths.Show),
            _ => JUnitReport.Render(result, paths.Show),
        };
        if (request.File is { } file)
        {
            new PhysicalFileStore().WriteAllTextAtomic(Path.GetFullPath(file, context.CurrentDirectory), text);
            return;
        }

        var summary = context.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (request.Kind == ReportKind.Markdown && context.IsGitHubActions && !string.IsNullOrEmpty(summary))
        {
            File.AppendAllText(summary, text + "\n");
            return;
        }

        context.Out.Write(text);
    }

    private bool Colour => context.IsTerminal && string.IsNullOrEmpty(context.GetEnvironmentVariable("NO_COLOR"));

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
            context.Out.Write(GitHubFormat ? DiagnosticFormatter.GitHub(findings) : DiagnosticFormatter.MsBuild(findings));
        }
    }
}
