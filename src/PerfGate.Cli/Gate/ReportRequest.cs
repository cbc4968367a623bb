namespace PerfGate.Cli.Gate;

/// <summary>One <c>--report KIND[=FILE]</c>: console, markdown[=FILE], json[=FILE] or junit[=FILE]. No FILE: standard output (markdown in GitHub Actions: the job summary).</summary>
internal sealed record ReportRequest(ReportKind Kind, string? File)
{
    public const string Accepted = "console, markdown[=FILE], json[=FILE], junit[=FILE]";

    /// <summary>A report perfgate.yaml asks for; its format ids are the <c>--report</c> names.</summary>
    public static ReportRequest For(PerfGate.Run.ReportTarget target) =>
        TryParse($"{target.Format}={target.File}", out var request, out var error) ? request : throw new ArgumentException(error, nameof(target));

    public static bool TryParse(string text, out ReportRequest request, out string error)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        var name = eq < 0 ? text : text[..eq];
        var file = eq < 0 ? null : text[(eq + 1)..];
        request = new ReportRequest(ReportKind.Console, null);
        error = string.Empty;
        ReportKind? kind = name switch
        {
            "console" => ReportKind.Console,
            "markdown" or "md" => ReportKind.Markdown,
            "json" => ReportKind.Json,
            "junit" => ReportKind.JUnit,
            _ => null,
        };
        if (kind is null)
        {
            error = $"--report '{text}' is not a report; use {Accepted}";
            return false;
        }

        if (file is not null && (file.Length == 0 || kind == ReportKind.Console))
        {
            error = kind == ReportKind.Console
                ? "--report console writes to the terminal only; give no file"
                : $"--report {name}= needs a file name after '='";
            return false;
        }

        request = new ReportRequest(kind.Value, file);
        return true;
    }
}
