using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.IO;

namespace PerfGate.Reports;

/// <summary>
/// Where a gate report goes (<c>--report NAME[=FILE]</c> and perfgate.yaml's default reports): to its file, written
/// through the <see cref="IFileSystem"/> port (a Markdown report file gets its accuracy pictures beside it, as GitHub
/// strips inline SVG); without a file, a job-summary format is appended to <see cref="JobSummary"/> when there is one;
/// anything else is the host's standard output. Relative paths are relative to <paramref name="currentDirectory"/>.
/// </summary>
public sealed class ReportWriter(IFileSystem files, string currentDirectory, ReportContext context)
{
    /// <summary>The GitHub job summary file (<c>$GITHUB_STEP_SUMMARY</c> inside GitHub Actions), or null outside it.</summary>
    public string? JobSummary { get; init; }

    /// <summary>
    /// Writes one report. A report file (or a picture) that cannot be written is a PG2017 error at its absolute path;
    /// a job summary that cannot be appended to is only a PG2017 warning (the gate's result does not depend on it).
    /// </summary>
    public ReportWrite Write(ReportRequest request, GateResult result)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.File is not { } file)
        {
            var text = request.Format.Render(result, context);
            return request.Format.GoesToJobSummary && JobSummary is { } summary
                ? new ReportWrite(string.Empty, AppendToJobSummary(Path.GetFullPath(summary, currentDirectory), text))
                : new ReportWrite(text, []);
        }

        var pictures = new List<AccuracyPicture>();
        if (request.Format is MarkdownReport)
        {
            foreach (var (picture, svg) in AccuracyPicture.For(context.Details, Path.GetFileName(file)))
            {
                var at = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file) ?? string.Empty, picture.Link), currentDirectory);
                if (OutputFiles.TryWrite(files, at, at, svg, Option(request)) is { } problem)
                {
                    return new ReportWrite(string.Empty, [problem]);
                }

                pictures.Add(picture);
            }
        }

        var full = Path.GetFullPath(file, currentDirectory);
        var report = request.Format.Render(result, context with { Accuracy = pictures });
        return new ReportWrite(string.Empty, OutputFiles.TryWrite(files, full, full, report, Option(request)) is { } notWritten ? [notWritten] : []);
    }

    private static string Option(ReportRequest request) => $"--report {request.Format.Name}";

    private IReadOnlyList<Diagnostic> AppendToJobSummary(string full, string text)
    {
        string reason;
        try
        {
            if (!files.DirectoryExists(full))
            {
                files.AppendAllText(full, text + "\n");
                return [];
            }

            reason = "it is a folder, not a file";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            reason = ex.Message.TrimEnd('.');
        }

        return
        [
            Diagnostic.Warning(
                DiagnosticIds.OutputNotWritable,
                $"GITHUB_STEP_SUMMARY: cannot append the markdown report to the job summary ({reason}); the report is missing from the summary, " +
                "the gate's result and exit code are unaffected. Point GITHUB_STEP_SUMMARY at a writable file, or write the report with --report markdown=FILE",
                new SourceLocation(full)),
        ];
    }
}
