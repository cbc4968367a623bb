namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// A scenario's estimates against its measured runs: the rows, the runs left out (failed, or without a figure to
/// compare) with why, and notes (where the model stops holding). <see cref="Mape"/> is the mean absolute percentage
/// error over the rows the model claims to hold (<see cref="AccuracyRow.Counts"/>), null when there are none.
/// </summary>
public sealed record AccuracyResult(string Scenario, IReadOnlyList<AccuracyRow> Rows, IReadOnlyList<string> Notes)
{
    public double? Mape => Mean(Rows.Where(r => r.Counts));

    /// <summary>The MAPE over every row with an estimate, saturated ones included.</summary>
    public double? MapeAll => Mean(Rows);

    private static double? Mean(IEnumerable<AccuracyRow> rows)
    {
        var errors = rows.Select(r => r.ErrorPercent).OfType<double>().Where(double.IsFinite).Select(Math.Abs).ToList();
        return errors.Count == 0 ? null : errors.Average();
    }
}
