using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfGate.Measurements.Formats;

/// <summary>A table cell holding a number and an optional unit: "108.93 ms", "13.67sec", "162.8431 μs", "313".</summary>
internal static partial class QuantityCell
{
    public static bool TryParse(string text, out double value, out string unit)
    {
        var match = Pattern().Match(text);
        value = 0;
        unit = string.Empty;
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        unit = match.Groups[2].Value.Trim();
        return true;
    }

    [GeneratedRegex(@"^([+-]?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)\s*(\S*(?:\s\S+)*)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
