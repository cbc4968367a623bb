using PerfGate.Gate;

namespace PerfGate.Cli.Gate;

/// <summary>
/// What check and approve need from a loaded workspace: its root, baselines folder, recomputed scenarios,
/// tolerances, and the reports perfgate.yaml asks for by default (<c>reports: {directory, formats}</c>).
/// </summary>
internal sealed record GateInputs(
    string Root,
    string BaselinesDirectory,
    IReadOnlyList<CurrentScenario> Scenarios,
    IReadOnlyList<GateTolerance> Tolerances,
    IReadOnlyList<ReportRequest> DefaultReports);
