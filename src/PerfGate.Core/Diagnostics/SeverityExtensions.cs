namespace PerfGate.Diagnostics;

/// <summary>The text of a <see cref="Severity"/> in diagnostics, reports and snapshots.</summary>
public static class SeverityExtensions
{
    /// <summary><c>error</c>, <c>warning</c>, <c>info</c>: one string per value (every finding of every scenario writes one).</summary>
    public static string ToId(this Severity severity) => severity switch
    {
        Severity.Error => "error",
        Severity.Warning => "warning",
        Severity.Info => "info",
        _ => throw new ArgumentOutOfRangeException(nameof(severity), severity, "unknown severity"),
    };
}
