namespace PerfGate.Run;

/// <summary>
/// A benchmark report a front end read for <c>MeasuredGateRun.Approve</c>: the path it was given as (for
/// messages), its text and its sidecar's text (REPORT.perfgate.yaml) when it has one. Approval keeps the file's name.
/// </summary>
public sealed record MeasuredReportFile(string Path, string Text, string? SidecarText);
