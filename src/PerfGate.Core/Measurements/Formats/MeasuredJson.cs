using System.Globalization;
using System.Text;
using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Syntax;

namespace PerfGate.Measurements.Formats;

/// <summary>
/// JSON as the benchmark tools write it, read with PerfGate's located JSON reader. Python's <c>json.dumps</c> writes
/// <c>Infinity</c>, <c>-Infinity</c> and <c>NaN</c> (SGLang's <c>request_rate</c>), which are not JSON: outside strings they are
/// replaced by tokens of the same length before parsing, so every line and column still points into the file as written
/// (<c>Infinity</c> becomes the number <c>1e999999</c>, which overflows to +infinity; <c>NaN</c> becomes a 3-character
/// placeholder remembered by position).
/// </summary>
internal sealed class MeasuredJson
{
    private readonly HashSet<(int Line, int Column)> notANumber;

    private MeasuredJson(LocatedJson root, HashSet<(int Line, int Column)> nan)
    {
        Root = root;
        notANumber = nan;
    }

    public LocatedJson Root { get; }

    public static MeasuredJson? Parse(string text, string file, string expected, out Diagnostic? error)
    {
        var (json, nan) = Substitute(text);
        var root = LocatedJson.Parse(Encoding.UTF8.GetBytes(json), file, DiagnosticIds.MeasuredSyntax, expected, "fix the file or re-run the benchmark to write it again", out error);
        return root is null ? null : new MeasuredJson(root, nan);
    }

    /// <summary>The number at <paramref name="node"/> (a JSON number, Infinity/NaN, or a string such as "inf"), or null.</summary>
    public double? Number(LocatedJson? node)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == JsonTokenType.Number && double.TryParse(node.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
        {
            return v;
        }

        if (node.Kind == JsonTokenType.String)
        {
            if (notANumber.Contains((node.Location.Line, node.Location.Column)))
            {
                return double.NaN;
            }

            return node.Text?.Trim().ToUpperInvariant() switch
            {
                "INF" or "INFINITY" or "+INF" => double.PositiveInfinity,
                "-INF" or "-INFINITY" => double.NegativeInfinity,
                "NAN" => double.NaN,
                _ => null,
            };
        }

        return null;
    }

    /// <summary>Replaces bare Infinity/-Infinity/NaN outside strings with same-length JSON tokens; returns where each NaN was.</summary>
    private static (string Json, HashSet<(int Line, int Column)> NaN) Substitute(string text)
    {
        var nan = new HashSet<(int, int)>();
        if (!text.Contains("Infinity", StringComparison.Ordinal) && !text.Contains("NaN", StringComparison.Ordinal))
        {
            return (text, nan);
        }

        var sb = new StringBuilder(text.Length);
        var (inString, escaped, line, column) = (false, false, 1, 1);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (inString)
            {
                inString = !(c == '"' && !escaped);
                escaped = c == '\\' && !escaped;
            }
            else if (c == '"')
            {
                inString = true;
            }
            else if (Matches(text, i, "-Infinity"))
            {
                sb.Append("-1e999999");
                (i, column) = (i + 8, column + 9);
                continue;
            }
            else if (Matches(text, i, "Infinity"))
            {
                sb.Append("1e999999");
                (i, column) = (i + 7, column + 8);
                continue;
            }
            else if (Matches(text, i, "NaN"))
            {
                nan.Add((line, column));
                sb.Append("\"N\"");
                (i, column) = (i + 2, column + 3);
                continue;
            }

            sb.Append(c);
            (line, column) = c == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        return (sb.ToString(), nan);
    }

    private static bool Matches(string text, int at, string word) =>
        string.CompareOrdinal(text, at, word, 0, word.Length) == 0
        && (at == 0 || !char.IsLetterOrDigit(text[at - 1]))
        && (at + word.Length >= text.Length || !char.IsLetterOrDigit(text[at + word.Length]));
}
