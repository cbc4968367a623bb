namespace PerfGate.Measurements.Gate;

/// <summary>
/// How the measured gate decides "worse": a significance test at <paramref name="Alpha"/> (one-sided, in the metric's bad
/// direction) AND a change of at least the practical floor (a fraction: 0.05 is 5 %), per metric where
/// <paramref name="Floors"/> names one ("ttft.p99" or every statistic of "ttft"). Fewer than <paramref name="MinRuns"/>
/// runs on either side: the metric is not judged. With one run a side (MinRuns = 1) the floor alone decides, as
/// github-action-benchmark's ratio does.
/// Defaults: Welch, alpha 0.05, floor 5 %, 3 runs (the least with which a one-sided test at 0.05 can fire for both tests).
/// </summary>
public sealed record MeasuredGateOptions(
    SignificanceTest Test,
    double Alpha,
    double Floor,
    int MinRuns,
    IReadOnlyDictionary<string, double> Floors)
{
    public static MeasuredGateOptions Default { get; } = new(SignificanceTest.Welch, 0.05, 0.05, 3, new Dictionary<string, double>(StringComparer.Ordinal));

    /// <summary>The floor for <paramref name="metricKey"/> ("ttft.p99"): an exact key, else the metric ("ttft"), else the default.</summary>
    public double FloorFor(string metricKey)
    {
        ArgumentNullException.ThrowIfNull(metricKey);
        if (Floors.TryGetValue(metricKey, out var exact))
        {
            return exact;
        }

        var dot = metricKey.LastIndexOf('.');
        return dot > 0 && Floors.TryGetValue(metricKey[..dot], out var metric) ? metric : Floor;
    }
}
