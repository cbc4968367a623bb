using System.Globalization;
using System.Text;

namespace PerfGate.Gate;

/// <summary>
/// Writes a <see cref="Snapshot"/> in the canonical text form: UTF-8 (no BOM), LF, one figure per line,
/// sections in a fixed order, invariant culture. The same snapshot always gives the same bytes.
/// </summary>
public static class SnapshotWriter
{
    public static string Write(Snapshot snapshot)
    {
        var sb = new StringBuilder(4096);
        Line(sb, $"# PerfGate snapshot of scenario '{snapshot.ScenarioId}'. Generated: review it in the diff, do not edit it by hand.");
        Line(sb, $"# Approve a change with: perfgate approve {snapshot.ScenarioId}");
        Line(sb, $"format = {SnapshotFormat.Version}");
        Line(sb, $"scenario = {snapshot.ScenarioId}");
        Line(sb, $"tool = {snapshot.ToolVersion}");
        Line(sb, string.Create(CultureInfo.InvariantCulture, $"rounding = {snapshot.SignificantDigits} significant digits"));

        Line(sb, string.Empty);
        Line(sb, SnapshotFormat.InputsSection);
        foreach (var input in snapshot.Inputs.OrderBy(i => i.Path, StringComparer.Ordinal))
        {
            Line(sb, $"{input.Path} = sha256:{input.Sha256}");
        }

        Line(sb, string.Empty);
        Line(sb, SnapshotFormat.SettingsSection);
        foreach (var (key, value) in snapshot.Settings.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            Line(sb, $"{key} = {SnapshotText.Quote(value)}");
        }

        Line(sb, string.Empty);
        Line(sb, SnapshotFormat.MetricsSection);
        foreach (var metric in snapshot.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            Line(sb, $"{metric.Key} = {Figure(metric.Value, metric.Unit, metric.Direction)}");
        }

        foreach (var table in snapshot.Tables)
        {
            Line(sb, string.Empty);
            Line(sb, $"{SnapshotFormat.TablePrefix}{table.Name}]");
            Line(sb, "columns = " + string.Join(SnapshotFormat.CellSeparator, table.Columns.Select(c => Join(c.Name, c.Unit, SnapshotFormat.DirectionSuffix(c.Direction)))));
            foreach (var row in table.Rows)
            {
                Line(sb, $"{row.Key} = {string.Join(SnapshotFormat.CellSeparator, row.Cells.Select(c => c.ToCanonicalString()))}");
            }
        }

        return sb.ToString();
    }

    /// <summary>The text of one figure after "key = ": value, unit, direction.</summary>
    public static string Figure(SnapshotValue value, string unit, MetricDirection direction) =>
        value.IsNumber
            ? Join(value.ToCanonicalString(), unit, SnapshotFormat.DirectionSuffix(direction))
            : Join(value.ToCanonicalString(), string.Empty, SnapshotFormat.DirectionSuffix(direction));

    private static string Join(string a, string b, string c)
    {
        var s = b.Length > 0 ? a + " " + b : a;
        return c.Length > 0 ? s + " " + c : s;
    }

    private static void Line(StringBuilder sb, string line) => sb.Append(line).Append('\n');
}
