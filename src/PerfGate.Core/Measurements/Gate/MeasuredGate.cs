using PerfGate.Gate;
using PerfGate.Measurements.Statistics;

namespace PerfGate.Measurements.Gate;

/// <summary>
/// Compares measured runs, metric by metric and load point by load point (<see cref="MeasuredWorkload.Label"/>): the runs
/// at the same load point are repeats. Failed runs are left out and listed. A metric is a regression only when the
/// test says the new runs are worse (one-sided, p ≤ alpha) AND the means moved the bad way by at least the floor
/// (Perfherder, Otava and the libphonenumber gate combine the two the same way: significance alone flags tiny shifts
/// on quiet machines, a percentage alone flags noise on loud ones).
/// </summary>
public static class MeasuredGate
{
    public static MeasuredComparison Compare(IReadOnlyList<MeasuredRun> baseline, IReadOnlyList<MeasuredRun> current, MeasuredGateOptions options)
    {
        ArgumentNullException.ThrowIfNull(baseline);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(options);
        var failed = baseline.Concat(current).Where(r => r.Failed).ToList();
        var before = Samples(baseline);
        var after = Samples(current);
        var keys = before.Keys.Union(after.Keys).Order().ToList();
        var metrics = new List<MetricComparison>();
        foreach (var key in keys)
        {
            var a = before.GetValueOrDefault(key) ?? [];
            var b = after.GetValueOrDefault(key) ?? [];
            var info = MeasuredMetricKinds.ByKey(key.Metric[..key.Metric.LastIndexOf('.')])!;
            var floor = options.FloorFor(key.Metric);
            var (test, verdict) = Judge(a, b, info.Direction, floor, options);
            metrics.Add(new MetricComparison(key.Workload, key.Metric, info.Unit, info.Direction, a, b, floor, test, verdict));
        }

        return new MeasuredComparison(metrics, failed, options);
    }

    private static (TestResult? Test, MeasuredVerdict Verdict) Judge(List<double> a, List<double> b, MetricDirection direction, double floor, MeasuredGateOptions options)
    {
        if (a.Count == 0)
        {
            return (null, MeasuredVerdict.OnlyInNew);
        }

        if (b.Count == 0)
        {
            return (null, MeasuredVerdict.OnlyInBaseline);
        }

        if (a.Count < options.MinRuns || b.Count < options.MinRuns)
        {
            return (null, MeasuredVerdict.TooFewRuns);
        }

        var (ma, mb) = (a.Average(), b.Average());
        var change = ma == 0 ? (mb == 0 ? 0 : double.PositiveInfinity * Math.Sign(mb)) : (mb - ma) / Math.Abs(ma);
        var worseSign = direction == MetricDirection.HigherIsBetter ? -1 : 1;
        var worseBeyondFloor = change * worseSign >= floor;
        var betterBeyondFloor = -change * worseSign >= floor;
        if (a.Count < 2 || b.Count < 2)
        {
            return (null, worseBeyondFloor ? MeasuredVerdict.Regression : betterBeyondFloor ? MeasuredVerdict.Improvement : MeasuredVerdict.Unchanged);
        }

        var worse = worseSign > 0 ? Alternative.SecondGreater : Alternative.SecondLess;
        var better = worseSign > 0 ? Alternative.SecondLess : Alternative.SecondGreater;
        var testWorse = Run(options.Test, a, b, worse);
        if (worseBeyondFloor && testWorse.PValue <= options.Alpha)
        {
            return (testWorse, MeasuredVerdict.Regression);
        }

        var testBetter = Run(options.Test, a, b, better);
        if (betterBeyondFloor && testBetter.PValue <= options.Alpha)
        {
            return (testBetter, MeasuredVerdict.Improvement);
        }

        return (change * worseSign >= 0 ? testWorse : testBetter, MeasuredVerdict.Unchanged);
    }

    private static TestResult Run(SignificanceTest test, List<double> a, List<double> b, Alternative alternative) => test switch
    {
        SignificanceTest.Welch => WelchTTest.Test(a, b, alternative),
        SignificanceTest.MannWhitney => MannWhitneyU.Test(a, b, alternative),
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, "unknown significance test"),
    };

    private static Dictionary<(string Workload, string Metric), List<double>> Samples(IReadOnlyList<MeasuredRun> runs)
    {
        var samples = new Dictionary<(string, string), List<double>>();
        foreach (var run in runs.Where(r => !r.Failed))
        {
            foreach (var metric in run.Metrics)
            {
                var key = (run.Workload.Label, metric.Key);
                if (!samples.TryGetValue(key, out var list))
                {
                    samples[key] = list = [];
                }

                list.Add(metric.ValueInCanonicalUnit);
            }
        }

        return samples;
    }
}
