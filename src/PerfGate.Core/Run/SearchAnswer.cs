using PerfGate.Diagnostics;
using PerfGate.Estimation;

namespace PerfGate.Run;

/// <summary>The answer to a <see cref="SearchRun"/>: the search's result, or null with the diagnostics that stopped it; else the result's own diagnostics.</summary>
public sealed record SearchAnswer(SearchResult? Result, IReadOnlyList<Diagnostic> Diagnostics);
