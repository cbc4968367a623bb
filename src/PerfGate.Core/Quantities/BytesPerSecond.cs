using System.Globalization;

namespace PerfGate.Quantities;

/// <summary>A data rate in bytes per second. Network line rates in bits are converted on parse ("400 Gb/s" = 50e9 B/s).</summary>
public readonly record struct BytesPerSecond(double Value) : IComparable<BytesPerSecond>
{
    public static BytesPerSecond FromTBps(double tb) => new(tb * 1e12);
    public static BytesPerSecond FromGBps(double gb) => new(gb * 1e9);
    public static BytesPerSecond FromGiBps(double gib) => new(gib * Bytes.GiB);
    public static BytesPerSecond FromGbps(double gigabits) => new(gigabits * 1e9 / 8);

    public double InGBps => Value / 1e9;
    public double InTBps => Value / 1e12;

    /// <summary>Time to move <paramref name="bytes"/> at this rate.</summary>
    public Duration TimeFor(double bytes) => Duration.FromSeconds(bytes / Value);

    public int CompareTo(BytesPerSecond other) => Value.CompareTo(other.Value);

    public override string ToString() => Value >= 1e12
        ? string.Format(CultureInfo.InvariantCulture, "{0:0.###} TB/s", Value / 1e12)
        : string.Format(CultureInfo.InvariantCulture, "{0:0.###} GB/s", Value / 1e9);
}
