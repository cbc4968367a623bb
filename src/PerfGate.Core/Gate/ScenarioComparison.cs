using PerfGate.Diagnostics;

namespace PerfGate.Gate;

/// <summary>
/// The gate's verdict on one scenario: its status, every differing figure (tolerated ones included),
/// and what changed in its inputs since the baseline, so a reviewer sees cause and effect.
/// </summary>
public sealed record ScenarioComparison
{
    public required string ScenarioId { get; init; }
    public required ScenarioStatus Status { get; init; }

    /// <summary>The baseline's verified file path (whether or not it exists).</summary>
    public required string BaselinePath { get; init; }

    /// <summary>Where the scenario is defined; none for a removed scenario.</summary>
    public SourceLocation ScenarioLocation { get; init; } = SourceLocation.None;

    public Snapshot? Baseline { get; init; }
    public Snapshot? Current { get; init; }

    /// <summary>Line of the scenario id in the baseline (1 when there is no baseline document).</summary>
    public int BaselineScenarioLine { get; init; } = 1;

    /// <summary>In the baseline file's order: metrics by key, then table cells.</summary>
    public IReadOnlyList<MetricDrift> Drifts { get; init; } = [];
    public IReadOnlyList<InputChange> InputChanges { get; init; } = [];
    public IReadOnlyList<SettingChange> SettingChanges { get; init; } = [];

    /// <summary>The line of each changed setting in the baseline (the <c>scenario =</c> line for a setting it does not record).</summary>
    public IReadOnlyDictionary<string, int> SettingLines { get; init; } = new Dictionary<string, int>(StringComparer.Ordinal);

    /// <summary>The line of the baseline's first <c>[inputs]</c> entry, where a stale-provenance notice points.</summary>
    public int FirstInputLine { get; init; } = 1;

    /// <summary>
    /// Every figure and setting equals the baseline but an input's content hash does not (a comment was edited, say):
    /// the gate passes, and <c>perfgate approve</c> refreshes the recorded provenance.
    /// </summary>
    public bool ProvenanceStale => Status == ScenarioStatus.Equal && InputChanges.Count > 0;

    /// <summary>A drifted scenario whose figures all hold but whose recorded settings differ.</summary>
    public bool SettingsOnly => Status == ScenarioStatus.Drifted && !Failing.Any();

    /// <summary>The drifts that fail the gate (outside tolerance).</summary>
    public IEnumerable<MetricDrift> Failing => Drifts.Where(d => !d.Tolerated);

    public IEnumerable<MetricDrift> WithinTolerance => Drifts.Where(d => d.Tolerated);

    public bool FailsGate => Status != ScenarioStatus.Equal;

    /// <summary>The command that approves this scenario's current result.</summary>
    public string ApproveCommand => $"perfgate approve {ScenarioId}";
}
