using PerfGate.Diagnostics;

namespace PerfGate.Workspace;

/// <summary>perfgate.yaml after layering (file, then <c>PERFGATE_*</c> variables, then the command line).</summary>
public sealed record WorkspaceSettings
{
    /// <summary>Folders of the user's own catalog documents, relative to the root as written.</summary>
    public IReadOnlyList<string> CatalogFolders { get; init; } = [];

    /// <summary>Scenario files or globs, relative to the root as written.</summary>
    public IReadOnlyList<string> ScenarioPatterns { get; init; } = [];

    /// <summary>The baselines folder relative to the root (default <c>baselines</c>).</summary>
    public string Baselines { get; init; } = "baselines";

    public IReadOnlyList<ToleranceRule> Tolerances { get; init; } = [];

    /// <summary>The <c>accepted:</c> differences: figures allowed to differ, each with a reason and an optional expiry.</summary>
    public IReadOnlyList<AcceptedDifferenceRule> Accepted { get; init; } = [];

    /// <summary>The <c>measured:</c> gates: measured benchmark runs compared with committed baseline reports.</summary>
    public IReadOnlyList<Measurements.Gate.MeasuredGateSpec> MeasuredGates { get; init; } = [];

    /// <summary>Significant digits kept in snapshots, so a last-bit change does not flap the gate.</summary>
    public int SignificantDigits { get; init; } = 6;

    /// <summary>Folder where reports are written by default (relative to the root), or null.</summary>
    public string? ReportsDirectory { get; init; }

    /// <summary>Report formats written by default besides the console (markdown, json, junit).</summary>
    public IReadOnlyList<string> ReportFormats { get; init; } = [];

    /// <summary>Where each setting came from: a perfgate.yaml position or the override that set it.</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = new Dictionary<string, SourceLocation>();
}
