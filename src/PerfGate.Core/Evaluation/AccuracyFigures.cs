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

        var rows = new List<SnapshotRow>(result.Rows.Count);
        MeasuredRun? run = null;
        var prefix = string.Empty;
        foreach (var r in result.Rows)
        {
            // A run's rows (two or three, one per metric) follow each other and share its line and load label.
            if (!ReferenceEquals(r.Run, run))
            {
                (run, prefix) = (r.Run, FormattableString.Invariant($"L{r.Run.Source.Line}/{r.Run.Workload.Label}/"));
            }

            rows.Add(new SnapshotRow(
                DecodeFigures.RowKey(prefix + r.MetricKey),
                new[]
                {
                    SnapshotValue.Of(r.Unit),
                    c.Builder.Cell("accuracy", r.MetricKey, "measured", r.Measured),
                    r.Estimated is { } estimate ? c.Builder.Cell("accuracy", r.MetricKey, "estimate", estimate) : SnapshotValue.Of(NoEstimate),
                    r.ErrorPercent is { } error ? c.Builder.Cell("accuracy", r.MetricKey, "error", error) : SnapshotValue.Of(NoEstimate),
                    r.Point.Regime == ServingRegime.DoesNotHold ? SnapshotValue.Of(NoEstimate) : SnapshotValue.Of(r.Point.Batch),
                    SnapshotValue.Of(AccuracyReport.RegimeText(r.Point.Regime)),
                }));
        }

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
