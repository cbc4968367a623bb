namespace PerfGate.Diagnostics;

public enum Severity
{
    Info,
    Warning,
    Error,
}
