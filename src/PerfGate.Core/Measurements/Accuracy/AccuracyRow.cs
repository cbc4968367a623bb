namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// One measured figure beside its estimate: the run (source and load), the metric key ("itl.mean"), the measured and
/// estimated values in the metric's unit, the estimated decode batch at that load and whether the estimate says the
/// server is saturated there. <see cref="ErrorPercent"/> is (estimate - measured) / measured x 100.
/// </summary>
public sealed record AccuracyRow(MeasuredRun Run, string MetricKey, string Unit, double Measured, double Estimated, ServingPoint Point)
{
    public double ErrorPercent => (Estimated - Measured) / Measured * 100;
}
