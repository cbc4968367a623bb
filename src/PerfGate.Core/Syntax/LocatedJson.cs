using System.Globalization;
using System.Text;
using System.Text.Json;
using PerfGate.Diagnostics;

namespace PerfGate.Syntax;

/// <summary>
/// A JSON value with the line and column of its token (and of its property name), read with <see cref="Utf8JsonReader"/>:
/// line/column come from <see cref="Utf8JsonReader.TokenStartIndex"/> against the byte offsets of the line starts,
/// the column counted in characters (1-based). The one located-JSON reader: MindIE configs, HuggingFace config.json,
/// measured reports and shard reports all parse with it (strict JSON: no comments, no trailing commas; a key given twice
/// in one object is an error at its second place, since JSON readers disagree on which copy wins).
/// </summary>
public sealed class LocatedJson
{
    private byte[] source = [];
    private int start;
    private int end;

    public required JsonTokenType Kind { get; init; }
    public required SourceLocation Location { get; init; }
    public SourceLocation KeyLocation { get; set; }
    public string? Text { get; init; }
    public List<KeyValuePair<string, LocatedJson>>? Properties { get; init; }
    public List<LocatedJson>? Items { get; init; }

    public bool IsObject => Kind == JsonTokenType.StartObject;

    /// <summary>The value as written in the file (a string with its quotes), for messages.</summary>
    public string RawText => Encoding.UTF8.GetString(source, start, end - start);

    /// <summary>The value as a double when it is a finite number.</summary>
    public bool TryGetDouble(out double value)
    {
        value = 0;
        return Kind == JsonTokenType.Number && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
    }

    public LocatedJson? this[string key] => Properties?.LastOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Value;

    public string Describe() => Kind switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => $"the string \"{Text}\"",
        JsonTokenType.Number => $"the number {Text}",
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => "null",
    };

    public bool TryGetInt(out int value)
    {
        value = 0;
        return Kind == JsonTokenType.Number && int.TryParse(Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>Parses a MindIE config.json; on malformed JSON returns null and a diagnostic with the file, line and column.</summary>
    public static LocatedJson? Parse(byte[] utf8, string file, out Diagnostic? error) =>
        Parse(utf8, file, DiagnosticIds.MindieConfigSyntax, "a MindIE config.json is a JSON object with BackendConfig", "MindIE cannot read this file either", out error);

    /// <summary>
    /// Parses <paramref name="utf8"/>; on malformed JSON returns null and a diagnostic <paramref name="errorId"/> with the
    /// file, line and column. <paramref name="expected"/> says what the file should hold (for an empty file),
    /// <paramref name="consequence"/> ends a syntax-error message.
    /// </summary>
    public static LocatedJson? Parse(byte[] utf8, string file, string errorId, string expected, string consequence, out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(utf8);
        error = null;
        if (utf8.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        const int start = 0;
        if (utf8.All(b => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
        {
            error = Diagnostic.Error(errorId, $"the file is empty; {expected}", new SourceLocation(file, 1, 1));
            return null;
        }

        var lineStarts = LineStarts(utf8);
        var chars = new char[utf8.Length];
        if (System.Text.Unicode.Utf8.ToUtf16(utf8, chars, out var valid, out _, replaceInvalidSequences: false) != System.Buffers.OperationStatus.Done)
        {
            error = Diagnostic.Error(errorId, string.Create(CultureInfo.InvariantCulture, $"not valid UTF-8 at byte {valid}; save the file as UTF-8"), Locate(utf8, lineStarts, valid, file));
            return null;
        }

        var options = new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, AllowTrailingCommas = false, MaxDepth = 64 };
        var reader = new Utf8JsonReader(utf8, options);
        try
        {
            reader.Read();
            var duplicates = new List<Diagnostic>();
            var root = ReadValue(ref reader, utf8, start, lineStarts, file, errorId, duplicates);
            if (reader.Read())
            {
                throw new JsonException("unexpected content after the top-level value");
            }

            if (duplicates.Count > 0)
            {
                error = Diagnostic.Error(errorId, duplicates[0].Message, duplicates[0].Location);
                return null;
            }

            return root;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var col = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message;
            var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
            message = cut > 0 ? message[..cut] : message;
            error = Diagnostic.Error(errorId, $"not valid JSON: {message.TrimEnd('.')}; {consequence}", new SourceLocation(file, line, col));
            return null;
        }
    }

    private static LocatedJson ReadValue(ref Utf8JsonReader reader, byte[] utf8, int start, int[] lineStarts, string file, string errorId, List<Diagnostic> duplicates)
    {
        var from = start + (int)reader.TokenStartIndex;
        var node = ReadNode(ref reader, utf8, start, lineStarts, file, errorId, duplicates);
        node.source = utf8;
        node.start = from;
        node.end = start + (int)reader.BytesConsumed;
        return node;
    }

    private static LocatedJson ReadNode(ref Utf8JsonReader reader, byte[] utf8, int start, int[] lineStarts, string file, string errorId, List<Diagnostic> duplicates)
    {
        var at = Locate(utf8, lineStarts, start + (int)reader.TokenStartIndex, file);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var props = new List<KeyValuePair<string, LocatedJson>>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var keyAt = Locate(utf8, lineStarts, start + (int)reader.TokenStartIndex, file);
                    var key = reader.GetString() ?? string.Empty;
                    reader.Read();
                    var value = ReadValue(ref reader, utf8, start, lineStarts, file, errorId, duplicates);
                    value.KeyLocation = keyAt;
                    if (props.FirstOrDefault(p => string.Equals(p.Key, key, StringComparison.Ordinal)).Value is { } first)
                    {
                        // JSON parsers disagree on which copy wins; say where both are rather than pick one silently.
                        duplicates.Add(Diagnostic.Error(
                            errorId,
                            string.Create(CultureInfo.InvariantCulture, $"'{key}' is given twice in this object (first at line {first.KeyLocation.Line}); keep one: JSON readers disagree on which copy wins"),
                            keyAt));
                    }

                    props.Add(new(key, value));
                }

                return new LocatedJson { Kind = JsonTokenType.StartObject, Location = at, Properties = props };
            case JsonTokenType.StartArray:
                var items = new List<LocatedJson>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadValue(ref reader, utf8, start, lineStarts, file, errorId, duplicates));
                }

                return new LocatedJson { Kind = JsonTokenType.StartArray, Location = at, Items = items };
            case JsonTokenType.String:
                return new LocatedJson { Kind = JsonTokenType.String, Location = at, Text = reader.GetString() };
            case JsonTokenType.Number:
                return new LocatedJson { Kind = JsonTokenType.Number, Location = at, Text = Encoding.UTF8.GetString(reader.ValueSpan) };
            default:
                return new LocatedJson { Kind = reader.TokenType, Location = at };
        }
    }

    private static int[] LineStarts(byte[] utf8)
    {
        var starts = new List<int> { 0 };
        for (var i = 0; i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n')
            {
                starts.Add(i + 1);
            }
        }

        return [.. starts];
    }

    private static SourceLocation Locate(byte[] utf8, int[] lineStarts, int offset, string file)
    {
        var idx = Array.BinarySearch(lineStarts, offset);
        var line = idx >= 0 ? idx : ~idx - 1;
        var lineStart = lineStarts[line];
        var column = Encoding.UTF8.GetCharCount(utf8, lineStart, offset - lineStart) + 1;
        return new SourceLocation(file, line + 1, column);
    }
}
