namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// A scenario's estimates against its measured runs: the rows, the runs left out (failed, or without a figure to
/// compare) with why, and notes on what is not estimated. <see cref="Mape"/> is the mean absolute percentage error
/// over the rows the model claims to hold (not saturated), null when there are none.
/// </summary>
public sealed record AccuracyResult(string Scenario, IReadOnlyList<AccuracyRow> Rows, IReadOnlyList<string> Notes)
{
    public double? Mape => Mean(Rows.Where(r => !r.Point.Saturated));

    /// <summary>The MAPE over every row, saturated ones included (where the steady-state model does not hold).</summary>
    public double? MapeAll => Mean(Rows);

    private static double? Mean(IEnumerable<AccuracyRow> rows)
    {
        var errors = rows.Select(r => Math.Abs(r.ErrorPercent)).Where(double.IsFinite).ToList();
        return errors.Count == 0 ? null : errors.Average();
    }
}
