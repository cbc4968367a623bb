using PerfGate.Diagnostics;
using PerfGate.Memory;

namespace PerfGate.Run;

/// <summary>The answer to a <see cref="MemoryRun"/>: the request and its budget (null when the input was unusable), and every diagnostic.</summary>
public sealed record MemoryAnswer(MemoryRequest? Request, MemoryBudget? Budget, IReadOnlyList<Diagnostic> Diagnostics);
