using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Catalog;

/// <summary>
/// Where a prefix (KV-cache) hit is served from: a <c>kind: storage</c> catalog document. <see cref="Family"/> says
/// how the load time follows from the bytes (resident in HBM, one link per card, or one device shared by the ranks
/// that load at once); <see cref="Bandwidth"/> x <see cref="Efficiency"/> is the rate the family moves bytes at,
/// <see cref="Latency"/> a fixed cost per request (lookup, I/O submission).
/// </summary>
public sealed record StorageTierSpec
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required StorageFamily Family { get; init; }

    /// <summary>Line or device rate, one direction (absent for a resident tier).</summary>
    public BytesPerSecond? Bandwidth { get; init; }

    /// <summary>Achieved fraction of <see cref="Bandwidth"/> (0, 1].</summary>
    public double Efficiency { get; init; } = 1;

    /// <summary>Fixed cost per request (0 unless a source gives one).</summary>
    public Duration Latency { get; init; }

    public Provenance Sources { get; init; } = Provenance.Empty;

    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>Bandwidth x efficiency, bytes per second; infinity for a resident tier.</summary>
    public double EffectiveBytesPerSecond => Bandwidth is { } b ? b.Value * Efficiency : double.PositiveInfinity;
}
