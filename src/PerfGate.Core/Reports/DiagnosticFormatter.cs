using System.Globalization;
using System.Text;
using PerfGate.Diagnostics;

namespace PerfGate.Reports;

/// <summary>
/// Writes diagnostics for a log reader: MSBuild canonical lines (<c>file(line,col): error PG1001: ...</c>,
/// which IDEs and setup-dotnet's problem matcher read) or GitHub workflow commands
/// (<c>::error file=..,line=..,col=..,title=PG1001::...</c>), never both.
/// </summary>
public static class DiagnosticFormatter
{
    /// <summary>GitHub shows at most 10 error annotations per step.</summary>
    public const int GitHubAnnotationLimit = 10;

    public static string MsBuild(IEnumerable<GateFinding> findings) =>
        string.Concat(findings.Select(f => f.Diagnostic.ToCanonicalString() + "\n"));

    /// <summary>The most important and largest changes first (see <see cref="GateFinding"/>), at most <see cref="GitHubAnnotationLimit"/>, then a notice pointing at the job summary.</summary>
    public static string GitHub(IReadOnlyList<GateFinding> findings)
    {
        var sb = new StringBuilder();
        var ranked = findings.OrderBy(f => f.Importance).ThenByDescending(f => f.Magnitude).Take(GitHubAnnotationLimit).ToList();
        foreach (var f in ranked)
        {
            sb.Append(GitHub(f.Diagnostic)).Append('\n');
        }

        if (findings.Count > ranked.Count)
        {
            sb.Append(CultureInfo.InvariantCulture, $"::notice title=PerfGate::{findings.Count - ranked.Count} more finding(s) are not annotated (GitHub shows {GitHubAnnotationLimit} per step); see the job summary or run perfgate check locally.\n");
        }

        return sb.ToString();
    }

    public static string GitHub(Diagnostic d)
    {
        var command = d.Severity switch
        {
            Severity.Error => "error",
            Severity.Warning => "warning",
            _ => "notice",
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
