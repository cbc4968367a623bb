using System.Globalization;

namespace PerfGate.Quantities;

/// <summary>
/// Parses quantities written with an explicit unit: "80 GiB", "65536 MiB", "3.35 TB/s", "400 Gb/s",
/// "989 TFLOPS", "1.2 us". A bare number is rejected: whether 80 meant GB or GiB is exactly the
/// ambiguity this type exists to prevent. Parsing is culture-invariant ("3,35" is an error).
/// </summary>
public static class QuantityParser
{
    private static readonly (string Unit, double Factor)[] ByteUnits =
    [
        ("B", 1), ("KiB", Bytes.KiB), ("MiB", Bytes.MiB), ("GiB", Bytes.GiB), ("TiB", Bytes.TiB),
        ("KB", Bytes.KB), ("kB", Bytes.KB), ("MB", Bytes.MB), ("GB", Bytes.GB), ("TB", Bytes.TB),
    ];

    // Bytes per second (B) and bits per second (b): "GB/s" is gigabytes, "Gb/s" and "Gbps" are gigabits.
    private static readonly (string Unit, double Factor)[] RateUnits =
    [
        ("B/s", 1), ("KB/s", 1e3), ("MB/s", 1e6), ("GB/s", 1e9), ("TB/s", 1e12),
        ("KiB/s", Bytes.KiB), ("MiB/s", Bytes.MiB), ("GiB/s", Bytes.GiB), ("TiB/s", Bytes.TiB),
        ("b/s", 1.0 / 8), ("Mb/s", 1e6 / 8), ("Gb/s", 1e9 / 8), ("Tb/s", 1e12 / 8),
        ("Mbps", 1e6 / 8), ("Gbps", 1e9 / 8), ("Tbps", 1e12 / 8),
    ];

    private static readonly (string Unit, double Factor)[] FlopUnits =
    [
        ("FLOPS", 1), ("GFLOPS", 1e9), ("TFLOPS", 1e12), ("PFLOPS", 1e15),
        ("TOPS", 1e12), ("POPS", 1e15), ("GOPS", 1e9),
    ];

    private static readonly (string Unit, double Factor)[] DurationUnits =
    [
        ("s", 1), ("ms", 1e-3), ("us", 1e-6), ("µs", 1e-6), ("ns", 1e-9),
    ];

    public static IEnumerable<string> ByteUnitNames => ByteUnits.Select(u => u.Unit);
    public static IEnumerable<string> RateUnitNames => RateUnits.Select(u => u.Unit);
    public static IEnumerable<string> FlopUnitNames => FlopUnits.Select(u => u.Unit);
    public static IEnumerable<string> DurationUnitNames => DurationUnits.Select(u => u.Unit);

    public static bool TryParseBytes(string text, out Bytes value, out string? error)
    {
        if (TryParse(text, ByteUnits, "a size", "80 GiB", out var v, out error))
        {
            if (v > long.MaxValue)
            {
                error = $"'{text}' is too large";
                value = default;
                return false;
            }

            value = new Bytes((long)Math.Round(v));
            return true;
        }

        value = default;
        return false;
    }

    public static bool TryParseRate(string text, out BytesPerSecond value, out string? error)
    {
        var ok = TryParse(text, RateUnits, "a bandwidth", "3.35 TB/s", out var v, out error);
        value = new BytesPerSecond(v);
        return ok;
    }

    public static bool TryParseFlops(string text, out FlopsPerSecond value, out string? error)
    {
        var ok = TryParse(text, FlopUnits, "a throughput", "989 TFLOPS", out var v, out error);
        value = new FlopsPerSecond(v);
        return ok;
    }

    public static bool TryParseDuration(string text, out Duration value, out string? error)
    {
        var ok = TryParse(text, DurationUnits, "a duration", "1.2 us", out var v, out error);
        value = new Duration(v);
        return ok;
    }

    private static bool TryParse(
        string text,
        (string Unit, double Factor)[] units,
        string what,
        string example,
        out double value,
        out string? error)
    {
        value = 0;
        var s = text.Trim();
        var split = 0;
        while (split < s.Length && (char.IsAsciiDigit(s[split]) || s[split] is '.' or ',' or '-' or '+' or 'e' or 'E' or '_'))
        {
            // 'e' is only part of the number when followed by a digit or sign (1e12), not in "1 EB".
            if (s[split] is 'e' or 'E' && (split + 1 >= s.Length || !(char.IsAsciiDigit(s[split + 1]) || s[split + 1] is '-' or '+')))
            {
                break;
            }

            split++;
        }

        var number = s[..split].Replace("_", "", StringComparison.Ordinal);
        var unit = s[split..].Trim();
        var valid = string.Join(", ", units.Select(u => u.Unit));
        if (number.Length == 0)
        {
            error = $"'{text}' is not {what}; write a number and a unit, e.g. \"{example}\"";
            return false;
        }

        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) || !double.IsFinite(n))
        {
            error = $"'{number}' is not a number; use '.' as the decimal separator, e.g. \"{example}\"";
            return false;
        }

        if (unit.Length == 0)
        {
            error = $"'{text}' has no unit; {what} needs one of {valid}, e.g. \"{example}\"";
            return false;
        }

        foreach (var (u, factor) in units)
        {
            if (string.Equals(u, unit, StringComparison.Ordinal))
            {
                if (n < 0)
                {
                    error = $"'{text}' is negative; {what} must be zero or more";
                    return false;
                }

                value = n * factor;
                error = null;
                return true;
            }
        }

        var hint = units.FirstOrDefault(u => string.Equals(u.Unit, unit, StringComparison.OrdinalIgnoreCase)).Unit;
        error = hint is null
            ? $"unknown unit '{unit}' in '{text}'; {what} takes one of {valid}"
            : $"unknown unit '{unit}' in '{text}'; did you mean '{hint}'? (units are case-sensitive: GB is gigabytes, Gb is gigabits)";
        return false;
    }
}
