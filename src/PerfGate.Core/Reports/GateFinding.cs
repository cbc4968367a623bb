using PerfGate.Diagnostics;

namespace PerfGate.Reports;

/// <summary>A gate diagnostic with its weight for ranking (|change %|; infinity for new, removed, added or vanished figures).</summary>
public sealed record GateFinding(Diagnostic Diagnostic, double Magnitude);
