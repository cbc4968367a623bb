using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Gate;
using PerfGate.Measurements;
using PerfGate.Measurements.Accuracy;

namespace PerfGate.Evaluation;

/// <summary>
/// The <c>measured:</c> section: every measured figure beside its estimate (<see cref="AccuracyEstimator"/>), as the
/// snapshot table <c>accuracy</c> (one row per run and metric: measured, estimate, error %, estimated batch, and
/// whether the serving-load model holds there; "-" where it gives no estimate)
/// and the number <c>accuracy.mape</c> (lower is better), so a change that makes estimates worse shows in review.
/// </summary>
internal static class AccuracyFigures
{
    /// <summary>The cell where the model gives no figure.</summary>
    private const string NoEstimate = "-";

    /// <summary>The table's columns (immutable records): one list that every scenario's table holds.</summary>
    private static readonly SnapshotColumn[] Columns =
    [
        new("unit"),
        new("measured"),
        new("estimate"),
        new("error", Units.Percent),
        new("batch"),
        new("model"),
    ];

    public static void Add(EvaluationContext c, IReadOnlyList<MeasuredRun> runs)
    {
        var result = Estimate(c, runs);
        if (result is null)
        {
            return;
        }

        c.Details = c.Details with { Accuracy = result };

        // A run's rows (two or three, one per metric) share its line and load label: written once per run.
        MeasuredRun? run = null;
        var prefix = string.Empty;
        string RunPrefix(MeasuredRun r)
        {
            if (!ReferenceEquals(r, run))
            {
                (run, prefix) = (r, FormattableString.Invariant($"L{r.Source.Line}/{r.Workload.Label}/"));
            }

            return prefix;
        }

        var rows = result.Rows.Select(r => new SnapshotRow(
            DecodeFigures.RowKey(RunPrefix(r.Run) + r.MetricKey),
            new[]
            {
                SnapshotValue.Of(r.Unit),
                c.Builder.Cell("accuracy", r.MetricKey, "measured", r.Measured),
                r.Estimated is { } estimate ? c.Builder.Cell("accuracy", r.MetricKey, "estimate", estimate) : SnapshotValue.Of(NoEstimate),
                r.ErrorPercent is { } error ? c.Builder.Cell("accuracy", r.MetricKey, "error", error) : SnapshotValue.Of(NoEstimate),
                r.Point.Regime == ServingRegime.DoesNotHold ? SnapshotValue.Of(NoEstimate) : SnapshotValue.Of(r.Point.Batch),
                SnapshotValue.Of(AccuracyReport.RegimeText(r.Point.Regime)),
            })).ToList();
        c.Builder.Table(new SnapshotTable(
            "accuracy",
            Columns,
            rows));
        if (result.Mape is { } mape)
        {
            c.Builder.Number("accuracy.mape", mape, Units.Percent, MetricDirection.LowerIsBetter);
        }
    }

    /// <summary>The accuracy of the scenario's estimates against <paramref name="runs"/>, or null when the decode estimate cannot run.</summary>
    internal static AccuracyResult? Estimate(EvaluationContext c, IReadOnlyList<MeasuredRun> runs)
    {
        var problems = new List<Diagnostic>();
        var calibration = Calibration.For(c, c.Hardware, c.Scenario.Decode?.Efficiency, problems, out var from);
        if (problems.Count > 0)
        {
            c.AddInputErrors("measured", problems);
            return null;
        }

        return AccuracyEstimator.Estimate(c.Scenario.Id, DecodeRequest.FromScenario(c.Scenario, c.Model, c.Hardware, c.Nic, calibration, from), runs);
    }
}
