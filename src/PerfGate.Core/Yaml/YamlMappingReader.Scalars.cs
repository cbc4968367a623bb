using System.Globalization;
using PerfGate.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

public sealed partial class YamlMappingReader
{
    public string? String(string key, bool required = false)
    {
        if (!TryGetRequired(key, required, "text", out var node))
        {
            return null;
        }

        return ParseString(node, Qualify(key));
    }

    public int? Int(string key, bool required = false, int min = int.MinValue, int max = int.MaxValue)
    {
        if (!TryGetRequired(key, required, (min, max), static r => DescribeIntRange(r.min, r.max), out var node))
        {
            return null;
        }

        return ParseInt(node, Qualify(key), min, max);
    }

    /// <summary>A finite number; <paramref name="exclusiveMin"/> makes the minimum itself invalid (e.g. more than 0).</summary>
    public double? Double(string key, bool required = false, double min = double.NegativeInfinity, bool exclusiveMin = false, double max = double.PositiveInfinity)
    {
        if (!TryGetRequired(key, required, (min, exclusiveMin, max), static r => DescribeDoubleRange(r.min, r.exclusiveMin, r.max), out var node))
        {
            return null;
        }

        return ParseDouble(node, Qualify(key), min, exclusiveMin, max);
    }

    public bool? Bool(string key, bool required = false)
    {
        if (!TryGetRequired(key, required, "true or false", out var node))
        {
            return null;
        }

        return ParseBool(node, Qualify(key));
    }

    /// <summary>One of a fixed set of spellings (case-sensitive), each mapped to a value.</summary>
    public T? Enum<T>(string key, IReadOnlyList<KeyValuePair<string, T>> values, bool required = false)
        where T : struct
    {
        if (!TryGetRequired(key, required, values, static v => $"one of {Suggestions.List(Spellings(v))}", out var node))
        {
            return null;
        }

        return ParseEnum(node, Qualify(key), values);
    }

    /// <summary>Like <see cref="Enum{T}"/> for a list of objects (e.g. the registered engines): the value of the spelling given.</summary>
    public T? Choice<T>(string key, IReadOnlyList<KeyValuePair<string, T>> values, bool required = false)
        where T : class
    {
        var index = Enum(key, values.Select((v, i) => new KeyValuePair<string, int>(v.Key, i)).ToArray(), required);
        return index is { } i ? values[i].Value : null;
    }

    public string? ParseString(YamlNode node, string name)
    {
        if (node is YamlScalarNode s)
        {
            return s.Value ?? string.Empty;
        }

        Report(DiagnosticIds.WrongType, $"'{name}' must be text, not {YamlDescriptions.Describe(node)}", node);
        return null;
    }

    public int? ParseInt(YamlNode node, string name, int min, int max)
    {
        if (node is not YamlScalarNode s)
        {
            Report(DiagnosticIds.WrongType, $"'{name}' must be a whole number, not {YamlDescriptions.Describe(node)}", node);
            return null;
        }

        if (IsQuoted(s))
        {
            Report(DiagnosticIds.WrongType, $"'{name}' must be a whole number, not the text {YamlDescriptions.Describe(node)}; write it without quotes", node);
            return null;
        }

        var text = (s.Value ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal);
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v))
        {
            if (IsDigits(text))
            {
                Report(DiagnosticIds.InvalidValue, $"'{name}' is {s.Value}, which is out of range; it must be {DescribeIntRange(min, max, bounded: true)}", node);
                return null;
            }

            Report(DiagnosticIds.WrongType, $"'{name}' must be a whole number, not '{s.Value}'", node);
            return null;
        }

        if (v < min || v > max)
        {
            Report(DiagnosticIds.InvalidValue, $"'{name}' is {s.Value}; it must be {DescribeIntRange(min, max, bounded: v > max)}", node);
            return null;
        }

        return (int)v;
    }

    public double? ParseDouble(YamlNode node, string name, double min, bool exclusiveMin, double max)
    {
        if (node is not YamlScalarNode s)
        {
            Report(DiagnosticIds.WrongType, $"'{name}' must be a number, not {YamlDescriptions.Describe(node)}", node);
            return null;
        }

        if (IsQuoted(s))
        {
            Report(DiagnosticIds.WrongType, $"'{name}' must be a number, not the text {YamlDescriptions.Describe(node)}; write it without quotes", node);
            return null;
        }

        var text = (s.Value ?? string.Empty).Replace("_", string.Empty, StringComparison.Ordinal);
        if (text is ".nan" or ".NaN" or ".NAN" or ".inf" or ".Inf" or ".INF" or "-.inf" or "-.Inf" or "+.inf"
            || !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v)
            || !double.IsFinite(v))
        {
            var hint = text.Contains(',', StringComparison.Ordinal) ? "; use '.' as the decimal separator" : string.Empty;
            Report(DiagnosticIds.WrongType, $"'{name}' must be a finite number, not '{s.Value}'{hint}", node);
            return null;
        }

        if (v < min || (exclusiveMin && v <= min) || v > max)
        {
            Report(DiagnosticIds.InvalidValue, $"'{name}' is {s.Value}; it must be {DescribeDoubleRange(min, exclusiveMin, max)}", node);
            return null;
        }

        return v;
    }

    public bool? ParseBool(YamlNode node, string name)
    {
        if (node is YamlScalarNode q && IsQuoted(q))
        {
            Report(DiagnosticIds.WrongType, $"'{name}' must be true or false, not the text {YamlDescriptions.Describe(node)}; write it without quotes", node);
            return null;
        }

        if (node is YamlScalarNode s)
        {
            switch (s.Value)
            {
                case "true" or "True" or "TRUE":
                    return true;
                case "false" or "False" or "FALSE":
                    return false;
            }
        }

        Report(DiagnosticIds.WrongType, $"'{name}' must be true or false, not {YamlDescriptions.Describe(node)}", node);
        return null;
    }

    public T? ParseEnum<T>(YamlNode node, string name, IReadOnlyList<KeyValuePair<string, T>> values)
        where T : struct
    {
        // The spellings are listed only for a message.
        if (node is YamlScalarNode { Value: { } text })
        {
            foreach (var (spelling, value) in values)
            {
                if (string.Equals(spelling, text, StringComparison.Ordinal))
                {
                    return value;
                }
            }

            var names = Spellings(values);
            Report(DiagnosticIds.InvalidValue, $"'{name}' is '{text}', which is not valid{Suggestions.DidYouMean(text, names)}. Valid values: {Suggestions.List(names)}", node);
            return null;
        }

        Report(DiagnosticIds.WrongType, $"'{name}' must be one of {Suggestions.List(Spellings(values))}, not {YamlDescriptions.Describe(node)}", node);
        return null;
    }

    /// <summary>The spellings of an <see cref="Enum{T}"/> or <see cref="ParseEnum{T}"/> read, for its messages.</summary>
    private static List<string> Spellings<T>(IReadOnlyList<KeyValuePair<string, T>> values) => values.Select(v => v.Key).ToList();

    private static bool IsQuoted(YamlScalarNode s) => s.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted;

    private static bool IsDigits(string text) =>
        text.Length > 0 && text.TrimStart('+', '-').Length > 0 && text.TrimStart('+', '-').All(char.IsAsciiDigit);

    /// <summary>The range in words; <paramref name="bounded"/> names the upper end even when it is int.MaxValue (the value was above it).</summary>
    private static string DescribeIntRange(int min, int max, bool bounded) =>
        bounded ? string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}") : DescribeIntRange(min, max);

    private static string DescribeIntRange(int min, int max) => (min, max) switch
    {
        (int.MinValue, int.MaxValue) => "a whole number",
        (_, int.MaxValue) => string.Create(CultureInfo.InvariantCulture, $"a whole number of at least {min}"),
        (int.MinValue, _) => string.Create(CultureInfo.InvariantCulture, $"a whole number of at most {max}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"a whole number from {min} to {max}"),
    };

    private static string DescribeDoubleRange(double min, bool exclusiveMin, double max)
    {
        var lower = double.IsNegativeInfinity(min)
            ? null
            : exclusiveMin
                ? string.Create(CultureInfo.InvariantCulture, $"more than {min}")
                : string.Create(CultureInfo.InvariantCulture, $"at least {min}");
        var upper = double.IsPositiveInfinity(max) ? null : string.Create(CultureInfo.InvariantCulture, $"at most {max}");
        return (lower, upper) switch
        {
            (null, null) => "a finite number",
            (not null, null) => $"a number {lower}",
            (null, not null) => $"a number {upper}",
            _ => $"a number {lower} and {upper}",
        };
    }
}
