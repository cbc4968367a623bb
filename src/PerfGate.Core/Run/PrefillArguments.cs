using PerfGate.Prefill;

namespace PerfGate.Run;

/// <summary>
/// The prefill of an estimate as a front end received it: <c>--prompt S [--chunk N] [--concurrency C] [--token-budget B]
/// [--prefix-hit H --prefix-tier ID|PATH] [--overlap serial|layer-wise] [--output-tokens N]</c>.
/// </summary>
public sealed record PrefillArguments
{
    /// <summary>Prompt tokens; null: no prefill estimate (and any other prefill value given is an error).</summary>
    public int? Prompt { get; init; }
    public int? Chunk { get; init; }
    public int Concurrency { get; init; } = 1;
    public int TokenBudget { get; init; } = PrefillRequest.DefaultTokenBudget;
    public double PrefixHit { get; init; }

    /// <summary>Storage tier id (hbm, dram, ssd, rdma) or path of a kind: storage document.</summary>
    public string? PrefixTier { get; init; }
    public string? Overlap { get; init; }
    public int OutputTokens { get; init; }

    /// <summary>The prefill options named on the command line (other than --prompt), for the error when --prompt is missing.</summary>
    public IReadOnlyList<string> Given { get; init; } = [];

    /// <summary>How the estimator's messages name each value: as the command line spells it.</summary>
    internal static IReadOnlyDictionary<string, string> OptionNames { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["prompt"] = "--prompt",
        ["chunk"] = "--chunk",
        ["concurrency"] = "--concurrency",
        ["tokenBudget"] = "--token-budget",
        ["prefixHit"] = "--prefix-hit",
        ["prefixTier"] = "--prefix-tier",
        ["outputTokens"] = "--output-tokens",
    };
}
