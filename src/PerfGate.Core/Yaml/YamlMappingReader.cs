using PerfGate.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

/// <summary>
/// Typed, strict access to one YAML mapping. Every read names a key, which makes that key known;
/// <see cref="Complete"/> then reports every key that was never asked for, with "did you mean" and the
/// list of valid keys. User errors become diagnostics (with the file, line and column of the offending
/// node) and the read returns null; nothing here throws for bad input, so every problem in a file is
/// reported in one run.
/// </summary>
public sealed partial class YamlMappingReader
{
    private readonly Dictionary<string, (YamlScalarNode Key, YamlNode Value)> entries = new(StringComparer.Ordinal);
    private readonly List<string> known = [];

    public YamlMappingReader(
        YamlMappingNode node,
        string file,
        ICollection<Diagnostic> diagnostics,
        string context,
        string path = "",
        IDictionary<string, SourceLocation>? keyLocations = null)
    {
        Node = node;
        File = file;
        Diagnostics = diagnostics;
        Context = context;
        Path = path;
        KeyLocations = keyLocations ?? new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (k, v) in node.Children)
        {
            // The pre-scan already refused non-scalar and duplicate keys; keep the first if it did not run.
            if (k is YamlScalarNode key && key.Value is not null && !entries.ContainsKey(key.Value))
            {
                entries.Add(key.Value, (key, v));
                KeyLocations[Qualify(key.Value)] = YamlLocations.Of(file, key);
            }
        }
    }

    public YamlMappingNode Node { get; }

    public string File { get; }

    /// <summary>What this mapping is, for messages: "a hardware document", "the 'decode' section".</summary>
    public string Context { get; }

    /// <summary>Dotted path of this mapping from the document root ("" at the root).</summary>
    public string Path { get; }

    public ICollection<Diagnostic> Diagnostics { get; }

    /// <summary>Where each key was written, by dotted path, shared with child readers.</summary>
    public IDictionary<string, SourceLocation> KeyLocations { get; }

    public SourceLocation Location => YamlLocations.Of(File, Node);

    /// <summary>The keys read or declared so far, in order.</summary>
    public IReadOnlyList<string> KnownKeys => known;

    /// <summary>The keys written in the document, in order.</summary>
    public IEnumerable<string> WrittenKeys => entries.Keys;

    /// <summary>Marks keys as valid without reading them (e.g. 'kind', read by the dispatcher).</summary>
    public void Declare(params string[] keys)
    {
        foreach (var key in keys)
        {
            Know(key);
        }
    }

    /// <summary>True when the key is written (and marks it known).</summary>
    public bool Has(string key)
    {
        Know(key);
        return entries.ContainsKey(key);
    }

    /// <summary>The value node of a key, or null when absent (marks the key known).</summary>
    public YamlNode? ValueNode(string key)
    {
        Know(key);
        return entries.TryGetValue(key, out var e) ? e.Value : null;
    }

    /// <summary>Where a key is written, or this mapping's location when it is absent.</summary>
    public SourceLocation LocationOf(string key) =>
        entries.TryGetValue(key, out var e) ? YamlLocations.Of(File, e.Key) : Location;

    /// <summary>Where a key's value is written, or this mapping's location when it is absent.</summary>
    public SourceLocation ValueLocationOf(string key) =>
        entries.TryGetValue(key, out var e) ? YamlLocations.Of(File, e.Value) : Location;

    /// <summary>The dotted name of a key of this mapping ("decode.batch").</summary>
    public string Qualify(string key) => Path.Length == 0 ? key : $"{Path}.{key}";

    public void Report(string id, string message, YamlNode at) => Diagnostics.Add(Diagnostic.Error(id, message, YamlLocations.Of(File, at)));

    public void Report(string id, string message, SourceLocation at) => Diagnostics.Add(Diagnostic.Error(id, message, at));

    /// <summary>Reports each written key that no read asked for: unknown, with a suggestion and the valid keys.</summary>
    public void Complete()
    {
        foreach (var (name, (key, _)) in entries)
        {
            if (known.Contains(name, StringComparer.Ordinal))
            {
                continue;
            }

            Report(
                DiagnosticIds.UnknownKey,
                $"unknown key '{name}' in {Context}{Suggestions.DidYouMean(name, known)}. Valid keys: {Suggestions.List(known)}",
                key);
        }
    }

    private void Know(string key)
    {
        if (!known.Contains(key, StringComparer.Ordinal))
        {
            known.Add(key);
        }
    }

    private bool TryGetRequired(string key, bool required, string expected, out YamlNode value) =>
        TryGetRequired(key, required, expected, static e => e, out value);

    /// <summary>
    /// <see cref="TryGetRequired(string, bool, string, out YamlNode)"/> with the expectation described only when a
    /// message needs it (a range's text is formatted for a missing or empty value, not for every value read).
    /// </summary>
    private bool TryGetRequired<TState>(string key, bool required, TState state, Func<TState, string> describe, out YamlNode value)
    {
        Know(key);
        if (entries.TryGetValue(key, out var e))
        {
            value = e.Value;
            if (YamlScalars.IsNull(value))
            {
                Report(DiagnosticIds.InvalidValue, $"'{Qualify(key)}' has no value; expected {describe(state)}", e.Key);
                return false;
            }

            return true;
        }

        value = null!;
        if (required)
        {
            Report(DiagnosticIds.MissingField, $"missing required key '{Qualify(key)}' in {Context}; expected {describe(state)}", Node);
        }

        return false;
    }
}
