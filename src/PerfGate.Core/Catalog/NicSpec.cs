using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Catalog;

/// <summary>A network card used for inter-node expert-parallel traffic.</summary>
public sealed record NicSpec
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>Marketed line rate (e.g. 400 Gb/s).</summary>
    public required BytesPerSecond LineRate { get; init; }

    /// <summary>What one card sees in practice (seed 002: CX7 40 GiB/s, E810 10 GiB/s).</summary>
    public required BytesPerSecond EffectiveBandwidth { get; init; }

    public Provenance Sources { get; init; } = Provenance.Empty;

    public SourceLocation Location { get; init; } = SourceLocation.None;
}
