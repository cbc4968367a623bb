using PerfGate.Reports;

namespace PerfGate.Cli.Gate;

/// <summary>
/// One <c>--report NAME[=FILE]</c>, NAME from <see cref="ReportFormats.All"/> (or an alias). No FILE: standard output
/// (a job-summary format inside GitHub Actions: the job summary). A terminal-only format takes no FILE.
/// </summary>
internal sealed record ReportRequest(IReportFormat Format, string? File)
{
    public static string Accepted => ReportFormats.Accepted;

    public static ReportRequest Console { get; } = new(ReportFormats.Find("console")!, null);

    public static bool TryParse(string text, out ReportRequest request, out string error)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? text : text[..eq];
        var file = eq < 0 ? null : text[(eq + 1)..];
        request = Console;
        error = string.Empty;
        if (ReportFormats.Find(name) is not { } format)
        {
            error = $"--report '{text}' is not a report{ReportFormats.DidYouMean(name)}; use {Accepted}";
            return false;
        }

        if (file is not null && (file.Length == 0 || format.DefaultFileName is null))
        {
            error = format.DefaultFileName is null
                ? $"--report {format.Name} writes to the terminal only; give no file"
                : $"--report {name}= needs a file name after '='";
            return false;
        }

        request = new ReportRequest(format, file);
        return true;
    }
}
