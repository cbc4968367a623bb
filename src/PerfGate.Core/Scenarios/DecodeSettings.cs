using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Scenarios;

/// <summary>The <c>decode:</c> section: one decode-step estimate.</summary>
public sealed record DecodeSettings
{
    /// <summary>Concurrent sequences per attention-DP rank (per card without DP).</summary>
    public int Batch { get; init; } = 1;

    /// <summary>Tokens already in each sequence's KV cache.</summary>
    public int Context { get; init; } = 4096;

    /// <summary>Speculative (MTP) tokens per step; 0 disables speculative decoding.</summary>
    public int Mtp { get; init; }

    /// <summary>Probability each speculative token is accepted (seed 002: 0.85).</summary>
    public double MtpAcceptance { get; init; } = 0.85;

    public PipelineKind Pipeline { get; init; } = PipelineKind.Naive;

    /// <summary>Null: the hardware profile's default.</summary>
    public EfficiencySource? Efficiency { get; init; }

    /// <summary>Implementation profile id (<c>pytorch</c>, <c>vllm</c>, ...); null: the scenario's engine, else <c>pytorch</c>.</summary>
    public string? Implementation { get; init; }

    /// <summary>Host time per step (scheduling, sampling); null: the implementation's default (zero unless published).</summary>
    public Duration? HostOverhead { get; init; }
}
