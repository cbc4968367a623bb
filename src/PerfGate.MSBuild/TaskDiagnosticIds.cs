namespace PerfGate.MSBuild;

/// <summary>
/// The ids the task itself reports. They mirror <c>PerfGate.Diagnostics.DiagnosticIds</c> (the registry of every
/// id); the task cannot reference PerfGate.Core, which would load YamlDotNet into MSBuild's process. A unit test
/// keeps the two in sync.
/// </summary>
internal static class TaskDiagnosticIds
{
    // Gate results whose severity follows PerfGateFailOnDrift.
    public const string Drift = "PG1001";
    public const string NewScenario = "PG1002";
    public const string RemovedScenario = "PG1003";

    // Refused before the tool runs, with the id the CLI's approve uses for the same refusal.
    public const string ApproveRefusedOnCi = "PG1006";

    // Input errors reported by the task before it runs the tool.
    public const string FileNotFound = "PG2010";
    public const string InvalidSetting = "PG2014";

    // PG6xxx: MSBuild integration.
    public const string ToolNotFound = "PG6001";
    public const string TooOld = "PG6002"; // logged by PerfGate.MSBuild.targets, not by the task
    public const string ToolFailed = "PG6003";
}
