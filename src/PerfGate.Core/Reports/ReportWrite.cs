using PerfGate.Diagnostics;

namespace PerfGate.Reports;

/// <summary>
/// What <see cref="ReportWriter.Write"/> did: the text for standard output (empty when the report went to a file or the
/// job summary) and what went wrong; <see cref="Written"/> is false when a report file could not be written (exit 2).
/// </summary>
public sealed record ReportWrite(string StandardOutput, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Written => !Diagnostics.Any(d => d.Severity == Severity.Error);
}
