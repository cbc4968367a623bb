using PerfGate.Run;

namespace PerfGate.Reports;

/// <summary>
/// One <c>--report NAME[=FILE]</c>, NAME from <see cref="ReportFormats.All"/> (or an alias). No FILE: standard output
/// (a job-summary format inside GitHub Actions: the job summary). A terminal-only format takes no FILE.
/// </summary>
public sealed record ReportRequest(IReportFormat Format, string? File)
{
    public static string Accepted => ReportFormats.Accepted;

    public static ReportRequest Console { get; } = new(ReportFormats.Find("console")!, null);

    /// <summary>Parses one option value; false with the message (what is wrong, what to write) when it is not a report.</summary>
    public static bool TryParse(string text, out ReportRequest request, out string error)
    {
        ArgumentNullException.ThrowIfNull(text);
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

    /// <summary>The valid values among <paramref name="values"/>, in order (the front end has reported the others); console when there are none.</summary>
    public static IReadOnlyList<ReportRequest> ParseAll(IEnumerable<string> values)
    {
        var requests = values.Select(v => TryParse(v, out var request, out _) ? request : null).OfType<ReportRequest>().ToList();
        return requests.Count == 0 ? [Console] : requests;
    }

    /// <summary>
    /// What <c>perfgate check</c> writes: the reports asked for (console when none) and, for a shard, its JSON report
    /// <c>perfgate-shard-INDEX-of-COUNT.json</c> unless one asked for names a JSON file (<c>perfgate merge</c> joins them).
    /// </summary>
    public static IReadOnlyList<ReportRequest> ForCheck(IEnumerable<string> values, ScenarioShard? shard)
    {
        var requests = ParseAll(values);
        return shard is { } part && !requests.Any(r => r.Format is JsonReport && r.File is not null)
            ? [.. requests, new ReportRequest(ReportFormats.Find("json")!, $"perfgate-shard-{part.Index}-of-{part.Count}.json")]
            : requests;
    }
}
