using System.Text;

namespace PerfGate.Gate;

/// <summary>Quoting of text values and the rules for keys in snapshot files.</summary>
internal static class SnapshotText
{
    /// <summary>The characters of <see cref="IsValidKey"/> (searched with SIMD: every figure's key is checked on its way into a snapshot).</summary>
    private static readonly System.Buffers.SearchValues<char> KeyCharacters =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-./:+@[]%*^");

    public static string Quote(string text) => AppendQuoted(new StringBuilder(text.Length + 2), text).ToString();

    /// <summary>Appends <see cref="Quote"/>'s text to <paramref name="sb"/> (the snapshot writer's one builder).</summary>
    public static StringBuilder AppendQuoted(StringBuilder sb, string text)
    {
        sb.Append('"');
        foreach (var c in text)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c))
                    {
                        throw new ArgumentException($"Snapshot text may not contain control character U+{(int)c:X4}.", nameof(text));
                    }

                    sb.Append(c);
                    break;
            }
        }

        return sb.Append('"');
    }

    /// <summary>Throws as <see cref="Quote"/> does for a text it cannot quote (a control character other than LF and tab), without quoting it.</summary>
    public static void RequireQuotable(string text)
    {
        foreach (var c in text)
        {
            if (c is not ('\n' or '\t') && char.IsControl(c))
            {
                _ = Quote(text);
            }
        }
    }

    /// <summary>Reads a quoted text starting at <paramref name="start"/> (a '"'); returns the index after the closing quote, or -1.</summary>
    public static int Unquote(string line, int start, out string text)
    {
        var sb = new StringBuilder();
        for (var i = start + 1; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '"')
            {
                text = sb.ToString();
                return i + 1;
            }

            if (c == '\\')
            {
                if (i + 1 >= line.Length)
                {
                    break;
                }

                i++;
                var escaped = line[i] switch
                {
                    '"' => '"',
                    '\\' => '\\',
                    'n' => '\n',
                    't' => '\t',
                    _ => '\0',
                };
                if (escaped == '\0')
                {
                    break;
                }

                sb.Append(escaped);
                continue;
            }

            sb.Append(c);
        }

        text = string.Empty;
        return -1;
    }

    /// <summary>
    /// Keys (metric paths, table names, row keys, setting names, unit tokens) are non-empty and made of
    /// ASCII letters, digits and <c>_ - . / : + @ [ ] % * ^</c>: no spaces, quotes, '=', '|', '#' or '(' so that lines parse unambiguously.
    /// </summary>
    public static bool IsValidKey(string key) =>
        key.Length > 0 && key.AsSpan().IndexOfAnyExcept(KeyCharacters) < 0;
}
