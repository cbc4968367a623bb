using System.Globalization;
using PerfGate.Quantities;

namespace PerfGate.Gate;

/// <summary>
/// How a person reads a recorded setting: snapshots keep catalog figures as exact numbers in base units (bytes,
/// bytes/s, FLOP/s) so any change is caught, and drift messages show them as written in a catalog document
/// ("hardware.memoryBandwidth: 3.35 TB/s -> 3.2 TB/s", "hardware.memory: 81559 MiB -> 80 GiB"), still exact.
/// </summary>
public static class SettingUnits
{
    private enum Kind
    {
        Bytes,
        BytesPerSecond,
        Flops,
        Ops,
        Seconds,
    }

    /// <summary>Key suffixes of <c>Evaluation.ScenarioSettings</c> that carry a unit (a test binds the two lists).</summary>
    private static readonly (string Suffix, Kind Kind)[] Suffixes =
    [
        (".memory", Kind.Bytes),
        (".systemReservedMemory", Kind.Bytes),
        (".communicationBufferSize", Kind.Bytes),
        (".memoryBandwidth", Kind.BytesPerSecond),
        (".intraNodeBandwidth", Kind.BytesPerSecond),
        (".effectiveBandwidth", Kind.BytesPerSecond),
        (".bf16", Kind.Flops),
        (".fp16", Kind.Flops),
        (".fp8", Kind.Flops),
        (".int8", Kind.Ops),
        (".exp2", Kind.Flops),
        (".reduce", Kind.Flops),
        (".kernelLaunchOverhead", Kind.Seconds),
        (".hostOverhead", Kind.Seconds),
    ];

    /// <summary>True when <paramref name="key"/> is a figure with a unit.</summary>
    public static bool HasUnit(string key) => Suffixes.Any(s => key.EndsWith(s.Suffix, StringComparison.Ordinal));

    /// <summary>The value with its unit when the key has one and the value is a number; otherwise the value as recorded.</summary>
    public static string Format(string key, string? value)
    {
        if (value is null)
        {
            return "(unset)";
        }

        var match = Suffixes.FirstOrDefault(s => key.EndsWith(s.Suffix, StringComparison.Ordinal));
        if (match.Suffix is null || !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return value;
        }

        return match.Kind switch
        {
            Kind.Bytes => FormatBytes(number),
            Kind.BytesPerSecond => number >= 1e12 ? Scaled(number, 1e12, "TB/s") : Scaled(number, 1e9, "GB/s"),
            Kind.Flops => Scaled(number, 1e12, "TFLOPS"),
            Kind.Ops => Scaled(number, 1e12, "TOPS"),
            Kind.Seconds => Scaled(number, 1e-6, "us"),
            _ => throw new InvalidOperationException($"unit kind {match.Kind} has no format"),
        };
    }

    private static string FormatBytes(double number)
    {
        var bytes = (long)number;
        if (bytes != number || bytes == 0)
        {
            return Scaled(number, 1, "B");
        }

        foreach (var (size, unit) in new[] { (Bytes.GiB, "GiB"), (Bytes.MiB, "MiB"), (Bytes.KiB, "KiB") })
        {
            if (bytes % size == 0)
            {
                return string.Create(CultureInfo.InvariantCulture, $"{bytes / size} {unit}");
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"{bytes} B");
    }

    private static string Scaled(double number, double scale, string unit) =>
        (number / scale).ToString("R", CultureInfo.InvariantCulture) + " " + unit;
}
