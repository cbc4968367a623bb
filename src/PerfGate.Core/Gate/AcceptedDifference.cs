using System.Globalization;

namespace PerfGate.Gate;

/// <summary>
/// A difference the team has accepted, as ApiCompat's suppression file does for API changes: figures matching
/// <see cref="MetricGlob"/> in scenarios matching <see cref="ScenarioGlob"/> may differ from the baseline without failing
/// the gate, and reports show them as accepted with the <see cref="Reason"/>. From <see cref="Expires"/> on the entry no
/// longer applies (and the run warns), so a temporary acceptance cannot outlive its purpose.
/// </summary>
public sealed record AcceptedDifference(string ScenarioGlob, string MetricGlob, string Reason, DateOnly? Expires = null)
{
    public bool Matches(string scenarioId, string metricKey) =>
        Syntax.Glob.IsMatch(ScenarioGlob, scenarioId) && Syntax.Glob.IsMatch(MetricGlob, metricKey);

    /// <summary>True on and after the expiry date.</summary>
    public bool HasExpired(DateOnly today) => Expires is { } e && today >= e;

    /// <summary>"accepted: reason (until 2026-12-31)" for reports.</summary>
    public string Describe() => Expires is { } e
        ? string.Create(CultureInfo.InvariantCulture, $"accepted: {Reason} (until {e:yyyy-MM-dd})")
        : $"accepted: {Reason}";

    /// <summary>The first entry that matches and has not expired, or null.</summary>
    public static AcceptedDifference? For(IReadOnlyList<AcceptedDifference> entries, string scenarioId, string metricKey, DateOnly today) =>
        entries.FirstOrDefault(a => !a.HasExpired(today) && a.Matches(scenarioId, metricKey));
}
