using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Reports;

namespace PerfGate.Run;

/// <summary>
/// Shard reports joined into the verdict one unsharded check gives: the JSON report (byte for byte what
/// <c>perfgate check --report json</c> writes for the whole workspace), the scenarios' statuses (for the summary
/// line and the exit code) and the findings (annotations), in the order one check prints them. When a report is
/// malformed or the reports do not belong together, <see cref="Errors"/> says why and the rest is empty.
/// </summary>
public sealed record ShardMergeResult
{
    public IReadOnlyList<Diagnostic> Errors { get; init; } = [];

    /// <summary>One comparison per scenario with its id, status and baseline path (the figures stay in <see cref="Json"/>).</summary>
    public GateResult? Result { get; init; }

    public IReadOnlyList<GateFinding> Findings { get; init; } = [];

    public string Json { get; init; } = string.Empty;

    public bool Succeeded => Errors.Count == 0 && Result is not null;
}
