namespace PerfGate.Run;

/// <summary>A report perfgate.yaml asks for by default (<c>reports: {directory, formats}</c>): its format id and the absolute file.</summary>
public sealed record ReportTarget(string Format, string File);
