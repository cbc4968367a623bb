using System.Globalization;
using System.Text;
using PerfGate.Diagnostics;

namespace PerfGate.Reports;

/// <summary>
/// GitHub workflow commands, <c>::error file=..,line=..,col=..,title=PG1001::...</c>: the most important and largest
/// changes first (see <see cref="GateFinding"/>), at most <see cref="AnnotationLimit"/>, then a notice pointing at the
/// job summary.
/// </summary>
public sealed class GitHubDiagnosticFormat : IDiagnosticFormat
{
    /// <summary>GitHub shows at most 10 error annotations per step.</summary>
    public const int AnnotationLimit = 10;

    public string Name => "github";

    public string Write(IReadOnlyList<GateFinding> findings)
    {
        var sb = new StringBuilder();
        var ranked = findings.OrderBy(f => f.Importance).ThenByDescending(f => f.Magnitude).Take(AnnotationLimit).ToList();
        foreach (var f in ranked)
        {
            sb.Append(Command(f.Diagnostic)).Append('\n');
        }

        if (findings.Count > ranked.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"::notice title=PerfGate::{findings.Count - ranked.Count} more finding(s) are not annotated (GitHub shows {AnnotationLimit} per step); see the job summary or run perfgate check locally.\n");
        }

        return sb.ToString();
    }

    public static string Command(Diagnostic d)
    {
        var command = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            Severity.Info => "notice",
            _ => throw new ArgumentOutOfRangeException(nameof(d), d.Severity, "unknown severity"),
        };
        var props = new List<string>();
        if (d.Location.IsKnown)
        {
            props.Add("file=" + EscapeProperty(d.Location.File.Replace('\\', '/')));
            if (d.Location.Line > 0)
            {
                props.Add("line=" + d.Location.Line.ToString(CultureInfo.InvariantCulture));
                props.Add("col=" + Math.Max(1, d.Location.Column).ToString(CultureInfo.InvariantCulture));
            }
        }

        props.Add("title=" + EscapeProperty(d.Id));
        return $"::{command} {string.Join(',', props)}::{EscapeData(d.Message)}";
    }

    // actions/toolkit command.ts: data escapes % CR LF; properties also ':' and ','.
    private static string EscapeData(string s) => s.Replace("%", "%25", StringComparison.Ordinal).Replace("\r", "%0D", StringComparison.Ordinal).Replace("\n", "%0A", StringComparison.Ordinal);

    private static string EscapeProperty(string s) => EscapeData(s).Replace(":", "%3A", StringComparison.Ordinal).Replace(",", "%2C", StringComparison.Ordinal);
}
