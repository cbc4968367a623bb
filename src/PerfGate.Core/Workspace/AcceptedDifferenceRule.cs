using PerfGate.Diagnostics;

namespace PerfGate.Workspace;

/// <summary>One <c>accepted:</c> entry of perfgate.yaml, where it was written (for the expiry warning).</summary>
public sealed record AcceptedDifferenceRule(string Scenario, string Metric, string Reason, DateOnly? Expires, SourceLocation Location);
