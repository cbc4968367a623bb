namespace PerfGate.Estimation.Calibration;

/// <summary>Piecewise-linear interpolation on sorted abscissae (callers pass logarithms).</summary>
internal static class LogInterpolation
{
    /// <summary>Counts below this take their logarithm from <see cref="SmallLogs"/>.</summary>
    private const int SmallCount = 4096;

    /// <summary>Math.Log of 0..4095, computed once: the GEMM rows and batches of a decode step are small counts.</summary>
    private static readonly double[] SmallLogs = Enumerable.Range(0, SmallCount).Select(i => Math.Log(i)).ToArray();

    /// <summary>Math.Log of a count (the same value; from a table below 4,096).</summary>
    public static double LogOf(long count) => (ulong)count < SmallCount ? SmallLogs[count] : Math.Log(count);

    /// <summary>
    /// y at <paramref name="x"/> on the polyline (xs, ys), xs ascending. Below the first point the first y;
    /// above the last point, the last y plus <paramref name="slopeAbove"/> x (x - last x).
    /// </summary>
    public static double At(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, double x, double slopeAbove)
    {
        if (xs.Length == 0)
        {
            return double.NaN;
        }

        if (x <= xs[0])
        {
            return ys[0];
        }

        var last = xs.Length - 1;
        if (x >= xs[last])
        {
            return ys[last] + (slopeAbove * (x - xs[last]));
        }

        var hi = 1;
        while (xs[hi] < x)
        {
            hi++;
        }

        var lo = hi - 1;
        var t = (x - xs[lo]) / (xs[hi] - xs[lo]);
        return ys[lo] + (t * (ys[hi] - ys[lo]));
    }
}
