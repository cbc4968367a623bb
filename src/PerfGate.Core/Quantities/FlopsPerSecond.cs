using System.Globalization;

namespace PerfGate.Quantities;

/// <summary>Floating-point (or integer) operations per second; a multiply-add counts as two.</summary>
public readonly record struct FlopsPerSecond(double Value) : IComparable<FlopsPerSecond>
{
    public static FlopsPerSecond FromTflops(double tflops) => new(tflops * 1e12);

    public double InTflops => Value / 1e12;

    /// <summary>Time to execute <paramref name="flops"/> operations at this rate.</summary>
    public Duration TimeFor(double flops) => Duration.FromSeconds(flops / Value);

    public static FlopsPerSecond operator *(FlopsPerSecond a, double factor) => new(a.Value * factor);

    public int CompareTo(FlopsPerSecond other) => Value.CompareTo(other.Value);

    public override string ToString() => string.Format(CultureInfo.InvariantCulture, "{0:0.###} TFLOPS", Value / 1e12);
}
