namespace PerfGate.Reports;

/// <summary>
/// One way of writing diagnostics for a log reader (<c>--diagnostics-format NAME</c>): one class implementing this
/// interface and one line in <see cref="DiagnosticFormats.All"/>.
/// </summary>
public interface IDiagnosticFormat
{
    /// <summary>The option value (e.g. <c>msbuild</c>).</summary>
    string Name { get; }

    /// <summary>The findings as text, one line per diagnostic, each ending in LF; empty for none.</summary>
    string Write(IReadOnlyList<GateFinding> findings);
}
