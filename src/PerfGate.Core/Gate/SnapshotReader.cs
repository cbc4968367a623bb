using System.Globalization;
using PerfGate.Diagnostics;

namespace PerfGate.Gate;

/// <summary>
/// Parses a snapshot file strictly. Anything the writer would not have produced is PG1004 with the file,
/// line and column: a syntax error, an unknown section or key, a duplicate, a number not in canonical
/// form, CR line endings, and finally any line that differs from the canonical rewrite of what was read
/// (a hand edit such as "27.10" or a reordered line).
/// </summary>
public static partial class SnapshotReader
{
    public static SnapshotReadResult Read(string text, string path)
    {
        var reader = new State(path);
        try
        {
            var document = reader.Parse(text);
            return new SnapshotReadResult(document, null);
        }
        catch (SnapshotFormatException ex)
        {
            var message = $"corrupt baseline: {ex.Message}. Baselines are generated; restore it from version control or regenerate it with 'perfgate approve {reader.ScenarioHint}' and review the diff.";
            return new SnapshotReadResult(null, Diagnostic.Error(DiagnosticIds.CorruptBaseline, message, new SourceLocation(path, ex.Line, ex.Column)));
        }
    }

    private sealed class SnapshotFormatException(string message, int line, int column) : Exception(message)
    {
        public int Line { get; } = line;
        public int Column { get; } = column;
    }

    private static SnapshotFormatException Error(int line, int column, string message) => new(message, line, Math.Max(1, column));

    private static (string Key, string Value, int ValueColumn) SplitKeyValue(string line, int lineNo)
    {
        var eq = line.IndexOf(" = ", StringComparison.Ordinal);
        if (eq <= 0)
        {
            throw Error(lineNo, 1, $"expected 'key = value', found '{Truncate(line)}'");
        }

        var key = line[..eq];
        if (!SnapshotText.IsValidKey(key))
        {
            throw Error(lineNo, 1, $"invalid key '{Truncate(key)}' (letters, digits and _ - . / : + @ [ ] % only, no spaces)");
        }

        return (key, line[(eq + 3)..], eq + 4);
    }

    private static string Truncate(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static string Invariant(int n) => n.ToString(CultureInfo.InvariantCulture);
}
