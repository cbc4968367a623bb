using System.Globalization;
using System.Text;

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

        return TryRoundByArithmetic(value, digits, out var rounded) ? rounded : RoundByText(value, digits);
    }

    /// <summary>
    /// The rule itself: "G&lt;digits&gt;" rounds half away from zero on the decimal expansion, which is what a person reading the
    /// number expects; parsing it back gives the nearest double to that decimal. Formatted into a stack buffer.
    /// </summary>
    internal static double RoundByText(double value, int digits)
    {
        Span<char> text = stackalloc char[32];
        if (!value.TryFormat(text, out var written, Formats[digits], CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException($"{value:R} does not fit 32 characters with {digits} significant digits");
        }

        var rounded = double.Parse(text[..written], NumberStyles.Float, CultureInfo.InvariantCulture);
        return rounded == 0 ? 0 : rounded;
    }

    /// <summary>
    /// The same result as <see cref="RoundByText"/> by arithmetic, about ten times cheaper (a snapshot rounds every
    /// figure of every scenario), or false where arithmetic cannot be sure, and the text does it. Why it is exact:
    /// <list type="bullet">
    /// <item>|value| is scaled by 10^s so that the kept digits are its integer part, s = digits - 1 - (leading digit's
    /// exponent). 10^s for |s| &lt;= 22 is an exact double, so the one multiplication or division rounds once: the scaled
    /// value is within half an ulp of the exact one.</item>
    /// <item>Unless the fraction lies within two ulps of one half, the exact product is on the same side of the half:
    /// rounding the scaled value half-up gives the integer the decimal rounding gives. Closer (a tie or nearly), the text
    /// decides. The integer stays below 2^53 (digits &lt;= 15), so it is exact.</item>
    /// <item>integer / 10^s (or × 10^-s) of exact operands is correctly rounded by IEEE 754: the nearest double to the
    /// decimal, which is what parsing the text gives.</item>
    /// </list>
    /// </summary>
    internal static bool TryRoundByArithmetic(double value, int digits, out double rounded) =>
        TryRoundByArithmetic(value, digits, out rounded, out _, out _);

    /// <summary>
    /// <see cref="TryRoundByArithmetic(double, int, out double)"/>, with the decimal it rounds to:
    /// |rounded| is the nearest double to <paramref name="integer"/> × 10^-<paramref name="shift"/>.
    /// </summary>
    private static bool TryRoundByArithmetic(double value, int digits, out double rounded, out long integer, out int shift)
    {
        rounded = 0;
        integer = 0;
        shift = 0;
        var magnitude = Math.Abs(value);
        if (digits > MaxExactDigits || !double.IsNormal(magnitude))
        {
            return false;
        }

        shift = digits - 1 - LeadingExponent(magnitude);
        if (shift is < -MaxExactPower or > MaxExactPower)
        {
            return false;
        }

        var scaled = shift >= 0 ? magnitude * PowersOfTen[shift] : magnitude / PowersOfTen[-shift];

        // The exponent can be one off next to a power of ten (the comparison it rests on is with a rounded 10^k below
        // 1): then the scaled value is outside [10^(digits-1), 10^digits) and the text decides.
        if (scaled < PowersOfTen[digits - 1] || scaled >= PowersOfTen[digits])
        {
            return false;
        }

        var floor = Math.Floor(scaled);
        var fraction = scaled - floor;
        var ulp = Math.ScaleB(1.0, BinaryExponent(scaled) - 52);
        if (Math.Abs(fraction - 0.5) <= 2 * ulp)
        {
            return false;
        }

        var kept = fraction > 0.5 ? floor + 1 : floor;
        var result = shift >= 0 ? kept / PowersOfTen[shift] : kept * PowersOfTen[-shift];
        rounded = value < 0 ? -result : result;
        integer = (long)kept;
        return true;
    }

    /// <summary>
    /// Appends <see cref="Format"/>'s text of <paramref name="value"/>, a figure already rounded to
    /// <paramref name="digits"/> significant digits, without the shortest-round-trip search where the digits are known:
    /// <list type="bullet">
    /// <item>Rounding the value again by arithmetic gives back the value itself and the decimal D it is the nearest double
    /// to (integer × 10^-shift).</item>
    /// <item>D has at most 15 significant digits, and two decimals of at most 15 digits never round to one double (a
    /// double carries 15.95 digits), so no other decimal of D's length or shorter reads back as the value: D without its
    /// trailing zeros is the shortest round-trip text's digits.</item>
    /// <item>They are laid out as .NET lays out "R": plain for a leading-digit exponent from -4 to 16, else d.dddE+XX.</item>
    /// </list>
    /// Anything else (not rounded to those digits, out of the exact range) is formatted by .NET.
    /// </summary>
    public static StringBuilder AppendRounded(StringBuilder destination, double value, int digits)
    {
        ArgumentNullException.ThrowIfNull(destination);
        Span<char> text = stackalloc char[32];
        var written = TryFormatRounded(value, digits, text);
        return written > 0
            ? destination.Append(text[..written])
            : destination.Append(Format(value));
    }

    /// <summary>The characters of <see cref="AppendRounded"/>'s text written to <paramref name="text"/> (32 or more), or 0 where .NET must format it.</summary>
    internal static int TryFormatRounded(double value, int digits, Span<char> text)
    {
        // Zero (either sign) is "0", as Format writes it: the most common figure of a breakdown table.
        if (value == 0)
        {
            text[0] = '0';
            return 1;
        }

        if (digits is < Min or > MaxExactDigits
            || !TryRoundByArithmetic(value, digits, out var again, out var integer, out var shift)
            || BitConverter.DoubleToInt64Bits(again) != BitConverter.DoubleToInt64Bits(value))
        {
            return 0;
        }

        // The digits of D without trailing zeros, and the exponent of its leading digit.
        Span<char> raw = stackalloc char[20];
        integer.TryFormat(raw, out var length, default, CultureInfo.InvariantCulture);
        var exponent = length - 1 - shift;
        while (length > 1 && raw[length - 1] == '0')
        {
            length--;
        }

        var ds = raw[..length];
        var at = 0;
        if (value < 0)
        {
            text[at++] = '-';
        }

        if (exponent is < -4 or >= 17)
        {
            text[at++] = ds[0];
            if (ds.Length > 1)
            {
                text[at++] = '.';
                ds[1..].CopyTo(text[at..]);
                at += ds.Length - 1;
            }

            text[at++] = 'E';
            text[at++] = exponent < 0 ? '-' : '+';
            Math.Abs(exponent).TryFormat(text[at..], out var e, "00", CultureInfo.InvariantCulture);
            return at + e;
        }

        if (exponent < 0)
        {
            text[at++] = '0';
            text[at++] = '.';
            text.Slice(at, -exponent - 1).Fill('0');
            at += -exponent - 1;
            ds.CopyTo(text[at..]);
            return at + ds.Length;
        }

        var whole = exponent + 1;
        if (ds.Length <= whole)
        {
            ds.CopyTo(text[at..]);
            at += ds.Length;
            text.Slice(at, whole - ds.Length).Fill('0');
            return at + whole - ds.Length;
        }

        ds[..whole].CopyTo(text[at..]);
        at += whole;
        text[at++] = '.';
        ds[whole..].CopyTo(text[at..]);
        return at + ds.Length - whole;
    }

    /// <summary>
    /// The exponent of <paramref name="magnitude"/>'s leading decimal digit (positive, normal), without a logarithm: a
    /// double of binary exponent e lies in [2^e, 2^(e+1)), so its decimal exponent is floor(e × log10 2) or one more,
    /// and one comparison with a power of ten tells which. Above 10^22 (no exact double) and below 10^-22 the lower
    /// value is kept: <see cref="TryRoundByArithmetic(double, int, out double, out long, out int)"/> refuses those shifts
    /// anyway, and checks the scaled value's range, so an exponent one off only sends a figure to the text.
    /// </summary>
    private static int LeadingExponent(double magnitude)
    {
        var exponent = (int)Math.Floor(BinaryExponent(magnitude) * Log10Of2);
        var next = exponent + MaxExactPower + 1;
        return (uint)next < (uint)TensFromMinus22.Length && magnitude >= TensFromMinus22[next] ? exponent + 1 : exponent;
    }

    /// <summary>floor(log2 |x|) of a normal double, read from its exponent bits (Math.ILogB without the call).</summary>
    private static int BinaryExponent(double x) => (int)((BitConverter.DoubleToInt64Bits(x) >> 52) & 0x7FF) - 1023;

    /// <summary>log10(2), the double nearest it.</summary>
    private const double Log10Of2 = 0.30102999566398119521;

    /// <summary>Digits kept by arithmetic: 10^15 &lt; 2^53, so the scaled integer and its neighbours are exact.</summary>
    private const int MaxExactDigits = 15;

    /// <summary>10^22 is the largest power of ten a double holds exactly (5^22 &lt; 2^53).</summary>
    private const int MaxExactPower = 22;

    private static readonly double[] PowersOfTen = [.. Enumerable.Range(0, MaxExactPower + 1).Select(p => double.Parse("1e" + p.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))];

    /// <summary>10^k for k = -22 .. 22 at index k + 22, each the double nearest it (exact from 10^0 up).</summary>
    private static readonly double[] TensFromMinus22 = [.. Enumerable.Range(-MaxExactPower, (2 * MaxExactPower) + 1).Select(p => double.Parse("1e" + p.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture))];

    /// <summary>Shortest round-trip invariant text ("27.1", "1.5E-07").</summary>
    public static string Format(double value) => (value == 0 ? 0d : value).ToString("R", CultureInfo.InvariantCulture);

    public static bool TryParse(string text, out double value) =>
        double.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out value)
        && double.IsFinite(value);
}
