using PerfGate.Diagnostics;

namespace PerfGate.Gate;

/// <summary>A freshly computed snapshot and where its scenario was defined (for diagnostics about new scenarios).</summary>
public sealed record CurrentScenario(Snapshot Snapshot, SourceLocation Location);
