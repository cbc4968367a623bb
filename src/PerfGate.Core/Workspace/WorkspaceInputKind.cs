namespace PerfGate.Workspace;

public enum WorkspaceInputKind
{
    Settings,
    Catalog,
    Scenario,
    EngineConfig,
    CalibrationTable,
    MeasuredReport,
}
