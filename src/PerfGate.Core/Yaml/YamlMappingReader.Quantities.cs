using PerfGate.Diagnostics;
using PerfGate.Quantities;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Yaml;

public sealed partial class YamlMappingReader
{
    private delegate bool QuantityParse<T>(string text, out T value, out string? error);

    /// <summary>A size with an explicit unit ("80 GiB", "81559 MiB"); zero is refused unless <paramref name="allowZero"/>.</summary>
    public Bytes? Bytes(string key, bool required = false, bool allowZero = false) =>
        Quantity<Bytes>(key, required, allowZero, "a size with a unit, e.g. \"80 GiB\"", QuantityParser.TryParseBytes, b => b.Value == 0);

    /// <summary>A bandwidth with an explicit unit ("3.35 TB/s", "400 Gb/s").</summary>
    public BytesPerSecond? Rate(string key, bool required = false, bool allowZero = false) =>
        Quantity<BytesPerSecond>(key, required, allowZero, "a bandwidth with a unit, e.g. \"3.35 TB/s\"", QuantityParser.TryParseRate, r => r.Value == 0);

    /// <summary>A throughput with an explicit unit ("989 TFLOPS").</summary>
    public FlopsPerSecond? Flops(string key, bool required = false, bool allowZero = false) =>
        Quantity<FlopsPerSecond>(key, required, allowZero, "a throughput with a unit, e.g. \"989 TFLOPS\"", QuantityParser.TryParseFlops, f => f.Value == 0);

    /// <summary>A duration with an explicit unit ("1.2 us").</summary>
    public Duration? Duration(string key, bool required = false, bool allowZero = false) =>
        Quantity<Duration>(key, required, allowZero, "a duration with a unit, e.g. \"1.2 us\"", QuantityParser.TryParseDuration, d => d.Seconds == 0);

    private T? Quantity<T>(string key, bool required, bool allowZero, string expected, QuantityParse<T> parse, Func<T, bool> isZero)
        where T : struct
    {
        if (!TryGetRequired(key, required, expected, out var node))
        {
            return null;
        }

        return ParseQuantity(node, Qualify(key), allowZero, expected, parse, isZero);
    }

    private T? ParseQuantity<T>(YamlNode node, string name, bool allowZero, string expected, QuantityParse<T> parse, Func<T, bool> isZero)
        where T : struct
    {
        if (node is not YamlScalarNode s || s.Value is null)
        {
            Report(DiagnosticIds.WrongType, $"'{name}' must be {expected}, not {YamlDescriptions.Describe(node)}", node);
            return null;
        }

        if (!parse(s.Value, out var value, out var error))
        {
            Report(DiagnosticIds.BadUnit, $"'{name}': {error}", node);
            return null;
        }

        if (!allowZero && isZero(value))
        {
            Report(DiagnosticIds.InvalidValue, $"'{name}' is '{s.Value}'; it must be more than zero", node);
            return null;
        }

        return value;
    }
}
