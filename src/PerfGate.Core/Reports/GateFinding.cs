using PerfGate.Diagnostics;

namespace PerfGate.Reports;

/// <summary>
/// A gate diagnostic with its rank for annotation caps: <see cref="Importance"/> first (0 headline metric or
/// whole scenario, 1 other metric or a setting, 2 table cell, 3 summary line, 4 notice), then <see cref="Magnitude"/> (|change %|;
/// infinity for new, removed, added, vanished or text figures), largest first.
/// </summary>
public sealed record GateFinding(Diagnostic Diagnostic, double Magnitude, int Importance = 0);
