using PerfGate.Reports;

namespace PerfGate.Run;

/// <summary>A report perfgate.yaml asks for by default (<c>reports: {directory, formats}</c>): its format and the absolute file.</summary>
public sealed record ReportTarget(IReportFormat Format, string File);
