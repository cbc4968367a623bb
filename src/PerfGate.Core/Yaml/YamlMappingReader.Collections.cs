using PerfGate.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

public sealed partial class YamlMappingReader
{
    /// <summary>A nested mapping as its own reader (sharing diagnostics and key locations), or null.</summary>
    public YamlMappingReader? Mapping(string key, bool required = false, string? context = null)
    {
        if (!TryGetRequired(key, required, "a mapping of keys to values", out var node))
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlMappingReader(mapping, File, Diagnostics, context ?? $"the '{Qualify(key)}' section", Qualify(key), KeyLocations);
        }

        Report(DiagnosticIds.WrongType, $"'{Qualify(key)}' must be a mapping of keys to values, not {YamlDescriptions.Describe(node)}", node);
        return null;
    }

    /// <summary>A list of nodes; an empty list is refused unless <paramref name="allowEmpty"/>.</summary>
    public IReadOnlyList<YamlNode>? List(string key, bool required = false, bool allowEmpty = false)
    {
        if (!TryGetRequired(key, required, "a list", out var node))
        {
            return null;
        }

        if (node is not YamlSequenceNode seq)
        {
            Report(DiagnosticIds.WrongType, $"'{Qualify(key)}' must be a list (e.g. [a, b] or one '- item' per line), not {YamlDescriptions.Describe(node)}", node);
            return null;
        }

        if (!allowEmpty && seq.Children.Count == 0)
        {
            Report(DiagnosticIds.InvalidValue, $"'{Qualify(key)}' is an empty list; give at least one item or leave the key out", node);
            return null;
        }

        return seq.Children.ToList();
    }

    public IReadOnlyList<string>? StringList(string key, bool required = false, bool allowEmpty = false) =>
        Items(key, required, allowEmpty, (n, name) => ParseString(n, name));

    public IReadOnlyList<int>? IntList(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue) =>
        Values(key, required, false, (n, name) => ParseInt(n, name, min, max));

    public IReadOnlyList<double>? DoubleList(string key, bool required = false, double min = double.NegativeInfinity, bool exclusiveMin = false) =>
        Values(key, required, false, (n, name) => ParseDouble(n, name, min, exclusiveMin, double.PositiveInfinity));

    /// <summary>A list whose items are each mappings, as readers (context "item N of 'key'").</summary>
    public IReadOnlyList<YamlMappingReader>? MappingList(string key, bool required = false) =>
        Items(key, required, false, (n, name) =>
        {
            if (n is YamlMappingNode m)
            {
                return new YamlMappingReader(m, File, Diagnostics, $"'{name}'", name, KeyLocations);
            }

            Report(DiagnosticIds.WrongType, $"'{name}' must be a mapping of keys to values, not {YamlDescriptions.Describe(n)}", n);
            return null;
        });

    /// <summary>Parses each item; null when any item is bad (each bad item is reported).</summary>
    public IReadOnlyList<T>? Items<T>(string key, bool required, bool allowEmpty, Func<YamlNode, string, T?> parse)
        where T : class =>
        ItemsCore(key, required, allowEmpty, (n, name) => parse(n, name) is { } v ? (true, v) : (false, default!));

    /// <summary>Parses each item to a value type; null when any item is bad (each bad item is reported).</summary>
    public IReadOnlyList<T>? Values<T>(string key, bool required, bool allowEmpty, Func<YamlNode, string, T?> parse)
        where T : struct =>
        ItemsCore(key, required, allowEmpty, (n, name) => parse(n, name) is { } v ? (true, v) : (false, default));

    private List<T>? ItemsCore<T>(string key, bool required, bool allowEmpty, Func<YamlNode, string, (bool Ok, T Value)> parse)
    {
        var nodes = List(key, required, allowEmpty);
        if (nodes is null)
        {
            return null;
        }

        var result = new List<T>(nodes.Count);
        var ok = true;
        for (var i = 0; i < nodes.Count; i++)
        {
            var (good, value) = parse(nodes[i], $"{Qualify(key)}[{i}]");
            ok &= good;
            if (good)
            {
                result.Add(value);
            }
        }

        return ok ? result : null;
    }
}
