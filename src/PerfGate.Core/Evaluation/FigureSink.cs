using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Evaluation;

/// <summary>
/// What the estimate adapters write figures through: the snapshot builder, with every number checked first.
/// A non-finite number (an input that makes an estimate divide by zero or overflow) cannot be written to a
/// snapshot (<see cref="SnapshotValue.Of(double)"/> guards against it as a bug check); here it becomes an input
/// error located at the scenario file instead, and the number is replaced by 0 so the adapter can finish
/// (the evaluator then returns no snapshot).
/// </summary>
internal sealed class FigureSink(SnapshotBuilder builder, Action<string, double> nonFinite)
{
    public FigureSink Number(string key, double value, string unit = "", MetricDirection direction = MetricDirection.Neutral)
    {
        builder.Number(key, Checked(key, value), unit, direction);
        return this;
    }

    /// <summary>A ready-made metric (a flag or label with a direction); numbers go through <see cref="Number"/>.</summary>
    public FigureSink Add(Metric metric)
    {
        builder.Add(metric);
        return this;
    }

    public FigureSink Flag(string key, bool value)
    {
        builder.Flag(key, value);
        return this;
    }

    public FigureSink Label(string key, string text)
    {
        builder.Label(key, text);
        return this;
    }

    public FigureSink Setting(string key, string value)
    {
        builder.Setting(key, value);
        return this;
    }

    public FigureSink Table(SnapshotTable table)
    {
        builder.Table(table);
        return this;
    }

    /// <summary>
    /// A number cell of table <paramref name="table"/>, row <paramref name="row"/>, column <paramref name="column"/>, rounded
    /// as the snapshot stores it (the builder then keeps the row as it is).
    /// </summary>
    public SnapshotValue Cell(string table, string row, string column, double value) =>
        SnapshotValue.Of(double.IsFinite(value) ? value : Checked(string.Create(CultureInfo.InvariantCulture, $"{table}[{row}].{column}"), value)).Rounded(builder.Digits);

    private double Checked(string key, double value)
    {
        if (double.IsFinite(value))
        {
            return value;
        }

        nonFinite(key, value);
        return 0;
    }

    /// <summary>The input error for a non-finite figure: at the scenario file, naming the figure and its value.</summary>
    public static Diagnostic NonFiniteError(Scenarios.ScenarioSpec scenario, string key, double value) => Diagnostic.Error(
        DiagnosticIds.InvalidValue,
        string.Create(CultureInfo.InvariantCulture, $"scenario '{scenario.Id}': the figure '{key}' is {(double.IsNaN(value) ? "not a number (NaN)" : value > 0 ? "infinite" : "negative infinity")}, so no snapshot can be written; an input divides by zero or overflows. Check the scenario's settings (cards, parallelism, batch, context) and the catalog figures it uses (model {scenario.Model}, hardware {scenario.Hardware}) for a zero or an out-of-range value"),
        scenario.Location);
}
