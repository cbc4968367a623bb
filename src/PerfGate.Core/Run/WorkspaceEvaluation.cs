using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Workspace;

namespace PerfGate.Run;

/// <summary>
/// A loaded and evaluated workspace: every scenario's recomputed snapshot (ordered by id), the tolerances, the reports
/// perfgate.yaml asks for, and every diagnostic found on the way (paths relative to the workspace root). When the
/// workspace or a scenario is invalid, <see cref="Succeeded"/> is false and the errors say why.
/// </summary>
public sealed record WorkspaceEvaluation
{
    /// <summary>Absolute path of the workspace root.</summary>
    public required string Root { get; init; }

    /// <summary>The loaded workspace; null when perfgate.yaml, the catalog or a scenario file could not be loaded.</summary>
    public LoadedWorkspace? Workspace { get; init; }

    /// <summary>One recomputed snapshot per valid scenario, ordered by scenario id (ordinal).</summary>
    public IReadOnlyList<CurrentScenario> Scenarios { get; init; } = [];

    public IReadOnlyList<GateTolerance> Tolerances { get; init; } = [];

    /// <summary>perfgate.yaml's <c>accepted:</c> differences that have not expired.</summary>
    public IReadOnlyList<AcceptedDifference> Accepted { get; init; } = [];

    public IReadOnlyList<ReportTarget> DefaultReports { get; init; } = [];

    /// <summary>Load and evaluation problems (errors, warnings and notes), in the order found.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>True when the workspace loaded and every scenario evaluated: the snapshots can be compared or approved.</summary>
    public bool Succeeded => Workspace is not null && !Diagnostics.Any(d => d.Severity == Severity.Error);

    /// <summary>Absolute path of the baselines folder (null when the workspace did not load).</summary>
    public string? BaselinesDirectory => Workspace?.BaselinesDirectory;
}
