using System.Globalization;

namespace PerfGate.Measurements;

/// <summary>Invariant spelling of measured figures in every file and table: up to 6 significant digits, no exponent for ordinary sizes.</summary>
public static class MeasuredText
{
    public static string Number(double value)
    {
        if (double.IsNaN(value))
        {
            return "NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "Infinity" : "-Infinity";
        }

        var rounded = value == 0 ? 0 : Math.Round(value, Math.Clamp(5 - (int)Math.Floor(Math.Log10(Math.Abs(value))), 0, 15));
        return rounded.ToString("0.###############", CultureInfo.InvariantCulture);
    }
}
