using PerfGate.Diagnostics;

namespace PerfGate.Estimation;

/// <summary>
/// The search's table after the seed's dedup (highest throughput per GPU, NIC, EP and non-expert element size,
/// sorted by throughput, ties in grid order), every configuration that met the target before dedup, how many
/// estimates were computed, and configurations skipped as invalid.
/// </summary>
public sealed record SearchResult(
    double TargetUserTokensPerSecond,
    IReadOnlyList<SearchRow> Rows,
    IReadOnlyList<SearchRow> Candidates,
    int Evaluations,
    IReadOnlyList<Diagnostic> Diagnostics);
