namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// One measured figure beside its estimate: the run (source and load), the metric key ("itl.mean"), the measured and
/// estimated values in the metric's unit, and the serving-load point the estimate comes from (batch, regime).
/// <see cref="Estimated"/> is null where the model gives no figure (it does not hold there, or the server is saturated
/// and the figure depends on the benchmark's queue). <see cref="ErrorPercent"/> is (estimate - measured) / measured x 100.
/// </summary>
public sealed record AccuracyRow(MeasuredRun Run, string MetricKey, string Unit, double Measured, double? Estimated, ServingPoint Point)
{
    public double? ErrorPercent => Estimated is { } e ? (e - Measured) / Measured * 100 : null;

    /// <summary>The row counts in the MAPE: the model holds and gives a figure.</summary>
    public bool Counts => Point.Holds && ErrorPercent is { } error && double.IsFinite(error);
}
