using System.Globalization;

namespace PerfGate.Quantities;

/// <summary>
/// A time span in seconds, as a double: kernel times are fractions of a microsecond, below
/// <see cref="TimeSpan"/>'s 100 ns tick.
/// </summary>
public readonly record struct Duration(double Seconds) : IComparable<Duration>
{
    public static Duration Zero => default;

    public static Duration FromSeconds(double s) => new(s);
    public static Duration FromMilliseconds(double ms) => new(ms / 1e3);
    public static Duration FromMicroseconds(double us) => new(us / 1e6);

    public double Milliseconds => Seconds * 1e3;
    public double Microseconds => Seconds * 1e6;

    public static Duration operator +(Duration a, Duration b) => new(a.Seconds + b.Seconds);
    public static Duration operator -(Duration a, Duration b) => new(a.Seconds - b.Seconds);
    public static Duration operator *(Duration a, double k) => new(a.Seconds * k);
    public static Duration operator *(double k, Duration a) => new(a.Seconds * k);
    public static Duration operator /(Duration a, double k) => new(a.Seconds / k);
    public static bool operator <(Duration a, Duration b) => a.Seconds < b.Seconds;
    public static bool operator >(Duration a, Duration b) => a.Seconds > b.Seconds;
    public static bool operator <=(Duration a, Duration b) => a.Seconds <= b.Seconds;
    public static bool operator >=(Duration a, Duration b) => a.Seconds >= b.Seconds;

    public static Duration Max(Duration a, Duration b) => a.Seconds >= b.Seconds ? a : b;

    public int CompareTo(Duration other) => Seconds.CompareTo(other.Seconds);

    public override string ToString() => Seconds >= 1e-3
        ? string.Format(CultureInfo.InvariantCulture, "{0:0.###} ms", Seconds * 1e3)
        : string.Format(CultureInfo.InvariantCulture, "{0:0.###} us", Seconds * 1e6);
}
