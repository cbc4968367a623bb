namespace PerfGate.Run;

/// <summary>
/// One decode-step estimate as a front end received it (<c>perfgate estimate</c>'s options): catalog ids or YAML paths
/// and enumerated values as text, numbers with their defaults. <see cref="EstimateRun.Answer"/> resolves and checks them.
/// </summary>
public sealed record EstimateArguments
{
    /// <summary>Model id (built-in or workspace catalog) or path of a YAML model document.</summary>
    public string Model { get; init; } = string.Empty;

    /// <summary>Hardware id or path of a YAML hardware document.</summary>
    public string Hardware { get; init; } = string.Empty;

    public string? Nic { get; init; }
    public int Tp { get; init; } = 1;
    public int Ep { get; init; } = 1;
    public int Dp { get; init; } = 1;
    public int Batch { get; init; } = 1;
    public int Context { get; init; } = 4096;
    public int Mtp { get; init; }

    /// <summary>Acceptance probability per speculative token (the DeepSeek EP post: 0.85).</summary>
    public double MtpAcceptance { get; init; } = 0.85;

    /// <summary>Routed experts, and all weights unless <see cref="NonExpertDtype"/>; default bf16.</summary>
    public string? WeightDtype { get; init; }
    public string? NonExpertDtype { get; init; }
    public string? KvDtype { get; init; }
    public string? Pipeline { get; init; }

    /// <summary>Default: the hardware profile's efficiency.</summary>
    public string? Efficiency { get; init; }
    public string? Layers { get; init; }
    public string? Implementation { get; init; }

    /// <summary>The prefill to estimate with the step; none without <see cref="PrefillArguments.Prompt"/>.</summary>
    public PrefillArguments Prefill { get; init; } = new();

    /// <summary>The defaults a front end shows (one place for them: its options take them from here).</summary>
    public static EstimateArguments Defaults { get; } = new();
}
