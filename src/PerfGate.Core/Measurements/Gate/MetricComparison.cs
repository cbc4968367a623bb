using PerfGate.Gate;

namespace PerfGate.Measurements.Gate;

/// <summary>
/// One metric at one load point, baseline against new: the run counts, the means (canonical unit), the relative change of
/// the means, the floor that applied, the test (null when not run) and the verdict.
/// </summary>
public sealed record MetricComparison(
    string Workload,
    string MetricKey,
    string Unit,
    MetricDirection Direction,
    IReadOnlyList<double> Baseline,
    IReadOnlyList<double> New,
    double Floor,
    Statistics.TestResult? Test,
    MeasuredVerdict Verdict)
{
    public double? BaselineMean => Baseline.Count == 0 ? null : Baseline.Average();

    public double? NewMean => New.Count == 0 ? null : New.Average();

    /// <summary>(new - baseline) / baseline, or null when either side is missing or the baseline is 0.</summary>
    public double? Change => BaselineMean is { } b && NewMean is { } n && b != 0 ? (n - b) / Math.Abs(b) : null;
}
