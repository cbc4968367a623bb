using System.Globalization;
using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>Shared wording of the reports: a drift in one line, percentages, labels. "provider" is the culture numbers are shown in.</summary>
public static class ReportFormat
{
    public static string Value(SnapshotValue? value, string unit, IFormatProvider provider) => value switch
    {
        null => "-",
        { IsNumber: true } v when unit.Length > 0 => v.Display(provider) + " " + unit,
        { } v => v.Display(provider),
    };

    public static string Percent(double? percent, IFormatProvider provider) => percent switch
    {
        null => "n/a",
        { } p => SignificantDigits.Round(p, 3).ToString("+0.##########;-0.##########;0", provider) + " %",
    };

    public static string Label(DriftLabel label) => label switch
    {
        DriftLabel.Regression => "regression",
        DriftLabel.Improvement => "improvement",
        DriftLabel.Change => "change",
        _ => throw new ArgumentOutOfRangeException(nameof(label), label, "unknown drift label"),
    };

    public static string Status(ScenarioStatus status) => status switch
    {
        ScenarioStatus.Equal => "equal",
        ScenarioStatus.Drifted => "drifted",
        ScenarioStatus.New => "new",
        ScenarioStatus.Removed => "removed",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, "unknown scenario status"),
    };

    public static string Direction(MetricDirection direction) => direction switch
    {
        MetricDirection.HigherIsBetter => "higher-is-better",
        MetricDirection.LowerIsBetter => "lower-is-better",
        MetricDirection.Neutral => "neutral",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "unknown direction"),
    };

    /// <summary>"decode.step_time 27.1235 ms -> 28.5 ms (+5.07 %, regression; tolerance exact)".</summary>
    public static string Drift(MetricDrift drift, IFormatProvider provider) => drift.Kind switch
    {
        DriftKind.Added => $"{drift.Key} added: {Value(drift.New, drift.NewUnit, provider)}",
        DriftKind.Removed => $"{drift.Key} removed (was {Value(drift.Old, drift.OldUnit, provider)})",
        _ when drift.ChangePercent is null => $"{drift.Key} {Value(drift.Old, drift.OldUnit, provider)} -> {Value(drift.New, drift.NewUnit, provider)} ({Label(drift.Label)})",
        _ => $"{drift.Key} {Value(drift.Old, drift.OldUnit, provider)} -> {Value(drift.New, drift.NewUnit, provider)} " +
             $"({Percent(drift.ChangePercent, provider)}, {Label(drift.Label)}; tolerance {drift.Tolerance?.Describe() ?? "exact"})",
    };

    /// <summary>"hardware.bf16 "989000000000000" -> "990000000000000"" (a setting only one side records: "(unset)").</summary>
    public static string Setting(SettingChange change) =>
        $"{change.Key} {Quote(change.Old)} -> {Quote(change.New)}";

    /// <summary>"inputs changed (results equal): a.yaml (content changed)": why a scenario's provenance is stale.</summary>
    public static string StaleProvenance(ScenarioComparison comparison) =>
        "provenance stale: " + string.Join("; ", comparison.InputChanges.Select(c => c.Describe())) + "; results equal; approve refreshes it";

    private static string Quote(string? text) => text is null ? "(unset)" : "\"" + text + "\"";

    /// <summary>
    /// Drifts in reading order: headline metrics (with a direction) first, then other metrics, then table cells
    /// (<see cref="MetricDrift.Importance"/>); within each, the largest relative change first (added, removed and
    /// text changes before numbers), then by key.
    /// </summary>
    public static IEnumerable<MetricDrift> Ranked(IEnumerable<MetricDrift> drifts) =>
        drifts.OrderBy(d => d.Importance).ThenByDescending(d => d.Magnitude).ThenBy(d => d.Key, StringComparer.Ordinal);

    /// <summary>"a.yaml (content changed); decode.batch: 8 -> 16", at most <paramref name="max"/> items then "and N more".</summary>
    public static string Causes(ScenarioComparison comparison, int max = 4)
    {
        var items = comparison.InputChanges.Select(c => c.Describe())
            .Concat(comparison.SettingChanges.Select(s => s.Describe()))
            .ToList();
        if (items.Count == 0)
        {
            return comparison.Baseline is not null && comparison.Current is not null && comparison.Baseline.ToolVersion != comparison.Current.ToolVersion
                ? $"no input changed; PerfGate {comparison.Baseline.ToolVersion} -> {comparison.Current.ToolVersion}"
                : "no input changed (the estimator changed)";
        }

        var shown = string.Join("; ", items.Take(max));
        return items.Count > max ? shown + string.Create(CultureInfo.InvariantCulture, $"; and {items.Count - max} more") : shown;
    }
}
