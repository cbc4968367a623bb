using System.Globalization;

namespace PerfGate.Gate;

/// <summary>
/// The snapshot rounding rule: every number is rounded to N significant digits (default 6) before it
/// is written or compared, so a change in the last bits of a floating-point sum does not flap the gate.
/// The written form is .NET's shortest round-trip text of the rounded double, invariant culture.
/// </summary>
public static class SignificantDigits
{
    public const int Default = 6;
    public const int Min = 1;
    public const int Max = 17;

    /// <summary>"G1" .. "G17", indexed by digits.</summary>
    private static readonly string[] Formats = [.. Enumerable.Range(0, Max + 1).Select(d => "G" + d.ToString(CultureInfo.InvariantCulture))];

    public static double Round(double value, int digits)
    {
        if (digits is < Min or > Max)
        {
            throw new ArgumentOutOfRangeException(nameof(digits), digits, $"Significant digits must be {Min}..{Max}.");
        }

        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? 0 : value;
        }

        // "G<digits>" rounds half away from zero on the decimal expansion, which is what a person
        // reading the number expects; parsing it back gives the nearest double to that decimal. Formatted into a
        // stack buffer: a snapshot rounds every figure, and this runs once per figure per scenario.
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var written, Formats[digits], CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{value:R} does not fit 32 characters with {digits} significant digits");
        }

        var rounded = double.Parse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture);
        return rounded == 0 ? 0 : rounded;
    }

    /// <summary>Shortest round-trip invariant text ("27.1", "1.5E-07").</summary>
    public static string Format(double value) => (value == 0 ? 0d : value).ToString("R", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);
}
