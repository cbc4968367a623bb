using System.Text;
using System.Text.RegularExpressions;

namespace PerfGate.Workspace;

/// <summary>
/// File and name patterns: <c>*</c> matches within one path segment, <c>**</c> across segments,
/// <c>?</c> one character. Matching is ordinal and case-sensitive; '/' separates segments.
/// </summary>
public sealed class Glob
{
    private readonly Regex regex;

    public Glob(string pattern)
    {
        Pattern = pattern;
        regex = new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.Singleline, TimeSpan.FromSeconds(1));
    }

    public string Pattern { get; }

    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    public bool IsMatch(string text) => regex.IsMatch(text.Replace('\\', '/'));

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder("^");
        var p = pattern.Replace('\\', '/');
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                var slash = i + 2 < p.Length && p[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*')
            {
                sb.Append("[^/]*");
            }
            else if (c == '?')
            {
                sb.Append("[^/]");
            }
            else
            {
                sb.Append(Regex.Escape(c.ToString()));
            }
        }

        return sb.Append('$').ToString();
    }
}
