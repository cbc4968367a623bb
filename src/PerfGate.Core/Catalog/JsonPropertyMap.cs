using System.Text;
using System.Text.Json;
using PerfGate.Diagnostics;

namespace PerfGate.Catalog;

/// <summary>
/// The top-level properties of a JSON object with the 1-based line and column of each value, so that
/// problems in a foreign file (a HuggingFace or engine config.json) can be reported where they are.
/// </summary>
public sealed class JsonPropertyMap
{
    private readonly Dictionary<string, (JsonElement Value, SourceLocation Location)> properties = new(StringComparer.Ordinal);

    private JsonPropertyMap(string file, SourceLocation location)
    {
        File = file;
        Location = location;
    }

    public string File { get; }

    public SourceLocation Location { get; }

    public IEnumerable<string> Names => properties.Keys;

    /// <summary>Parses the text; on a syntax error or a non-object root returns null and adds a diagnostic.</summary>
    public static JsonPropertyMap? Parse(string text, string file, ICollection<Diagnostic> diagnostics)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.WrongType, "the file must hold a JSON object ({ ... })", At(bytes, file, reader.TokenStartIndex)));
                return null;
            }

            var map = new JsonPropertyMap(file, At(bytes, file, reader.TokenStartIndex));
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString()!;
                reader.Read();
                var at = At(bytes, file, reader.TokenStartIndex);
                var value = JsonElement.ParseValue(ref reader);
                map.properties[name] = (value, at);
            }

            return map;
        }
        catch (JsonException ex)
        {
            var line = (int)(ex.LineNumber ?? 0) + 1;
            var column = (int)(ex.BytePositionInLine ?? 0) + 1;
            var message = ex.Message.Split(" LineNumber:", StringSplitOptions.None)[0].Trim();
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.YamlSyntax, $"JSON syntax error: {message}", new SourceLocation(file, line, column)));
            return null;
        }
    }

    public bool Has(string name) => properties.ContainsKey(name);

    public bool TryGet(string name, out JsonElement value, out SourceLocation location)
    {
        if (properties.TryGetValue(name, out var p))
        {
            (value, location) = p;
            return true;
        }

        value = default;
        location = Location;
        return false;
    }

    public SourceLocation LocationOf(string name) => properties.TryGetValue(name, out var p) ? p.Location : Location;

    private static SourceLocation At(byte[] bytes, string file, long offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        // Columns count characters, not bytes.
        var column = Encoding.UTF8.GetCharCount(bytes, lineStart, (int)Math.Max(0, Math.Min(offset, bytes.Length) - lineStart)) + 1;
        return new SourceLocation(file, line, column);
    }
}
