using System.Globalization;

namespace PerfGate.Quantities;

/// <summary>
/// An exact number of bytes. Binary (GiB, 2^30) and decimal (GB, 10^9) units are distinct
/// constructors and accessors; nothing converts between them implicitly.
/// </summary>
public readonly record struct Bytes(long Value) : IComparable<Bytes>
{
    public const long KiB = 1L << 10;
    public const long MiB = 1L << 20;
    public const long GiB = 1L << 30;
    public const long TiB = 1L << 40;
    public const long KB = 1_000L;
    public const long MB = 1_000_000L;
    public const long GB = 1_000_000_000L;
    public const long TB = 1_000_000_000_000L;

    public static Bytes Zero => default;

    public static Bytes FromGiB(double gib) => new(checked((long)Math.Round(gib * GiB)));
    public static Bytes FromMiB(double mib) => new(checked((long)Math.Round(mib * MiB)));
    public static Bytes FromGB(double gb) => new(checked((long)Math.Round(gb * GB)));
    public static Bytes FromMB(double mb) => new(checked((long)Math.Round(mb * MB)));

    public double InGiB => (double)Value / GiB;
    public double InMiB => (double)Value / MiB;
    public double InGB => (double)Value / GB;
    public double InMB => (double)Value / MB;

    public static Bytes operator +(Bytes a, Bytes b) => new(checked(a.Value + b.Value));
    public static Bytes operator -(Bytes a, Bytes b) => new(checked(a.Value - b.Value));
    public static Bytes operator *(Bytes a, long n) => new(checked(a.Value * n));
    public static Bytes operator *(long n, Bytes a) => new(checked(a.Value * n));
    public static bool operator <(Bytes a, Bytes b) => a.Value < b.Value;
    public static bool operator >(Bytes a, Bytes b) => a.Value > b.Value;
    public static bool operator <=(Bytes a, Bytes b) => a.Value <= b.Value;
    public static bool operator >=(Bytes a, Bytes b) => a.Value >= b.Value;

    public int CompareTo(Bytes other) => Value.CompareTo(other.Value);

    /// <summary>Binary units for display: "79.65 GiB". Invariant culture.</summary>
    public override string ToString() => Format(CultureInfo.InvariantCulture);

    public string Format(IFormatProvider provider) => Math.Abs(Value) switch
    {
        >= TiB => string.Format(provider, "{0:0.##} TiB", (double)Value / TiB),
        >= GiB => string.Format(provider, "{0:0.##} GiB", (double)Value / GiB),
        >= MiB => string.Format(provider, "{0:0.##} MiB", (double)Value / MiB),
        >= KiB => string.Format(provider, "{0:0.##} KiB", (double)Value / KiB),
        _ => string.Format(provider, "{0} B", Value),
    };
}
