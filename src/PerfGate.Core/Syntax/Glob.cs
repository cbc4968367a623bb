namespace PerfGate.Syntax;

/// <summary>
/// The one glob of PerfGate, ordinal and case-sensitive, matched in O(pattern x text) (no backtracking, no regex).
/// <list type="bullet">
/// <item><b>Names</b> (<see cref="IsMatch(string, string)"/>: scenario ids, metric keys, settings keys): <c>*</c> and
/// <c>**</c> match any text (dots and slashes included), <c>?</c> one character.</item>
/// <item><b>Paths</b> (<see cref="ForPaths"/>: perfgate.yaml <c>scenarios:</c> patterns): '/' separates segments
/// ('\' is read as '/'); <c>*</c> and <c>?</c> stay within a segment, <c>**</c> crosses segments and <c>**/</c> also
/// matches no folder at all.</item>
/// </list>
/// Everything else matches itself (<c>[</c>, <c>.</c> included).
/// </summary>
public sealed class Glob
{
    private readonly Token[] tokens;
    private readonly bool paths;

    private Glob(string pattern, bool paths)
    {
        Pattern = pattern;
        this.paths = paths;
        tokens = Parse(paths ? pattern.Replace('\\', '/') : pattern, paths);
    }

    private enum Kind
    {
        Literal,
        One,
        Segment,
        Any,
        AnyFolders,
    }

    public string Pattern { get; }

    /// <summary>A pattern for workspace-relative paths.</summary>
    public static Glob ForPaths(string pattern) => new(pattern, paths: true);

    /// <summary>A pattern for names (ids, metric keys), where '/' is an ordinary character.</summary>
    public static Glob ForNames(string pattern) => new(pattern, paths: false);

    /// <summary>Whether <paramref name="name"/> matches the name pattern <paramref name="pattern"/>.</summary>
    public static bool IsMatch(string pattern, string name) => ForNames(pattern).IsMatch(name);

    public static bool HasWildcards(string pattern) => pattern.IndexOfAny(['*', '?']) >= 0;

    public bool IsMatch(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = (paths ? text.Replace('\\', '/') : text).AsSpan();

        // Literal tokens at either end match exactly one character each: compare those directly and leave the table to
        // the tokens between them ("scenarios/*.yaml" keeps one token for the text between "scenarios/" and ".yaml").
        var first = 0;
        while (first < tokens.Length && tokens[first].Kind == Kind.Literal)
        {
            first++;
        }

        var end = tokens.Length;
        while (end > first && tokens[end - 1].Kind == Kind.Literal)
        {
            end--;
        }

        var trailing = tokens.Length - end;
        if (t.Length < first + trailing)
        {
            return false;
        }

        for (var k = 0; k < first; k++)
        {
            if (t[k] != tokens[k].Char)
            {
                return false;
            }
        }

        for (var k = 0; k < trailing; k++)
        {
            if (t[t.Length - trailing + k] != tokens[end + k].Char)
            {
                return false;
            }
        }

        return Matches(tokens.AsSpan(first, end - first), t[first..^trailing]);
    }

    /// <summary>The table itself: whether <paramref name="pattern"/> matches all of <paramref name="t"/>.</summary>
    private bool Matches(ReadOnlySpan<Token> pattern, ReadOnlySpan<char> t)
    {
        var n = t.Length;

        // next[j]: the tokens after the current one match t[j..]; filled from the last token backwards.
        Span<bool> next = n < 256 ? stackalloc bool[n + 1] : new bool[n + 1];
        Span<bool> current = n < 256 ? stackalloc bool[n + 1] : new bool[n + 1];
        next[n] = true;
        for (var k = pattern.Length - 1; k >= 0; k--)
        {
            var token = pattern[k];
            current[n] = token.Kind is Kind.Segment or Kind.Any ? next[n] : token.Kind == Kind.AnyFolders && next[n];
            var folderThenRest = false;
            for (var j = n - 1; j >= 0; j--)
            {
                var c = t[j];
                current[j] = token.Kind switch
                {
                    Kind.Literal => c == token.Char && next[j + 1],
                    Kind.One => (!paths || c != '/') && next[j + 1],
                    Kind.Segment => next[j] || (c != '/' && current[j + 1]),
                    Kind.Any => next[j] || current[j + 1],
                    Kind.AnyFolders => next[j] || (folderThenRest |= c == '/' && next[j + 1]),
                    _ => throw new InvalidOperationException($"glob token {token.Kind} has no rule"),
                };
            }

            var swap = next;
            next = current;
            current = swap;
        }

        return next[0];
    }

    public override string ToString() => Pattern;

    private static Token[] Parse(string p, bool paths)
    {
        var tokens = new List<Token>(p.Length);
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '*' && i + 1 < p.Length && p[i + 1] == '*')
            {
                // "**/" (paths): any folders, or none; "**": any text.
                var folders = paths && i + 2 < p.Length && p[i + 2] == '/';
                tokens.Add(new Token(folders ? Kind.AnyFolders : Kind.Any, '\0'));
                i += folders ? 2 : 1;
            }
            else if (c == '*')
            {
                tokens.Add(new Token(paths ? Kind.Segment : Kind.Any, '\0'));
            }
            else
            {
                tokens.Add(new Token(c == '?' ? Kind.One : Kind.Literal, c));
            }
        }

        return [.. tokens];
    }

    private readonly record struct Token(Kind Kind, char Char);
}
