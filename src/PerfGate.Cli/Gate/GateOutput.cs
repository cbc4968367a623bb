using PerfGate.Cli.Output;
using PerfGate.Cli.Rendering;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Reports;

namespace PerfGate.Cli.Gate;

/// <summary>
/// Where check's output goes: diagnostics on standard output, one per line, as MSBuild canonical lines or
/// GitHub workflow commands (never both); reports to files, the terminal or the GitHub job summary.
/// </summary>
internal sealed class GateOutput(CliContext context, string diagnosticsFormat)
{
    private readonly IDiagnosticFormat _diagnostics = DiagnosticFormats.Resolve(diagnosticsFormat, context.IsGitHubActions)
        ?? throw new ArgumentException($"unknown diagnostics format '{diagnosticsFormat}'", nameof(diagnosticsFormat));

    public void WriteProblems(IEnumerable<Diagnostic> problems, PathDisplay paths)
    {
        var findings = problems.Select(d => new GateFinding(d.Location.IsKnown ? d with { Location = d.Location with { File = paths.Show(d.Location.File) } } : d, 0)).ToList();
        Write(findings);
    }

    public void WriteFindings(GateResult result, Severity severity, PathDisplay paths) =>
        Write(GateDiagnostics.Create(result, severity, paths.Show));

    /// <summary>Findings made elsewhere (perfgate merge: the shards'), paths already as shown.</summary>
    public void WriteFindings(IReadOnlyList<GateFinding> findings) => Write(findings);

    /// <summary>The shard this check covers; its JSON reports say so (see <see cref="ReportContext.Shard"/>).</summary>
    public PerfGate.Run.ScenarioShard? Shard { get; init; }

    /// <summary>The configured baselines folder, workspace-relative (what the reports tell a reviewer to commit).</summary>
    public string BaselinesFolder { get; set; } = "baselines";

    /// <summary>Per scenario, what its evaluation produced besides the figures (memory budget, accuracy, evaluation time).</summary>
    public IReadOnlyDictionary<string, PerfGate.Evaluation.ScenarioDetails> Details { get; set; } = new Dictionary<string, PerfGate.Evaluation.ScenarioDetails>(StringComparer.Ordinal);

    /// <summary>
    /// Writes one report. False when a report file could not be written (a PG2017 error at the path has been
    /// printed; the caller exits 2). A job summary that cannot be appended to is only a warning: the gate's
    /// result does not depend on it.
    /// </summary>
    public bool WriteReport(ReportRequest request, GateResult result, PathDisplay paths)
    {
        if (!WriteAccuracyPictures(request, paths, out var pictures))
        {
            return false;
        }

        var text = request.Format.Render(result, new ReportContext(paths.Show)
        {
            Colour = Colour,
            Width = Width,
            ConsoleRenderer = SpectreConsoleReportRenderer.Instance,
            Shard = Shard,
            BaselinesFolder = BaselinesFolder,
            Details = Details,
            Accuracy = pictures,
        });
        if (request.File is { } file)
        {
            var full = Path.GetFullPath(file, context.CurrentDirectory);
            var problem = OutputFile.TryWrite(full, full, text, $"--report {request.Format.Name}");
            if (problem is not null)
            {
                WriteProblems([problem], paths);
                return false;
            }

            return true;
        }

        var summary = context.GetEnvironmentVariable("GITHUB_STEP_SUMMARY");
        if (request.Format.GoesToJobSummary && context.IsGitHubActions && !string.IsNullOrEmpty(summary))
        {
            AppendToStepSummary(summary, text, paths);
            return true;
        }

        context.Out.Write(text);
        return true;
    }

    /// <summary>
    /// For a Markdown report written to FILE: each accuracy picture as FILE.&lt;scenario&gt;.svg beside it (GitHub strips
    /// inline SVG), linked by the report. False when one cannot be written (PG2017 printed).
    /// </summary>
    private bool WriteAccuracyPictures(ReportRequest request, PathDisplay paths, out IReadOnlyList<AccuracyPicture> pictures)
    {
        pictures = [];
        if (request.File is not { } file || request.Format is not MarkdownReport)
        {
            return true;
        }

        var all = AccuracyPicture.For(Details, Path.GetFileName(file));
        foreach (var (picture, svg) in all)
        {
            var full = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, picture.Link), context.CurrentDirectory);
            if (OutputFile.TryWrite(full, full, svg, $"--report {request.Format.Name}") is { } problem)
            {
                WriteProblems([problem], paths);
                return false;
            }
        }

        pictures = [.. all.Select(p => p.Picture)];
        return true;
    }

    /// <summary>Appends the Markdown report to the GitHub job summary; a failure is a PG2017 warning at the summary's path.</summary>
    private void AppendToStepSummary(string summary, string text, PathDisplay paths)
    {
        var full = Path.GetFullPath(summary, context.CurrentDirectory);
        string? reason = null;
        if (Directory.Exists(full))
        {
            reason = "it is a folder, not a file";
        }
        else
        {
            try
            {
                File.AppendAllText(full, text + "\n");
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                reason = ex.Message.TrimEnd('.');
            }
        }

        if (reason is not null)
        {
            var warning = Diagnostic.Warning(
                DiagnosticIds.OutputNotWritable,
                $"GITHUB_STEP_SUMMARY: cannot append the markdown report to the job summary ({reason}); the report is missing from the summary, " +
                "the gate's result and exit code are unaffected. Point GITHUB_STEP_SUMMARY at a writable file, or write the report with --report markdown=FILE",
                new SourceLocation(full));
            WriteProblems([warning], paths);
        }
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
            context.Out.Write(_diagnostics.Write(findings));
        }
    }
}
