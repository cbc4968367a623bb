using PerfGate.Diagnostics;

namespace PerfGate.Scenarios;

/// <summary>
/// One deployment plan from a scenario YAML file (<c>kind: scenario</c>): what runs where, and which
/// estimates apply. A section that is absent means that estimate is not computed for this scenario.
/// </summary>
public sealed record ScenarioSpec
{
    public required string Id { get; init; }
    public string? Description { get; init; }

    /// <summary>Model id (built-in or from the workspace catalog).</summary>
    public required string Model { get; init; }

    /// <summary>Hardware id (built-in or from the workspace catalog).</summary>
    public required string Hardware { get; init; }

    /// <summary>NIC id, for expert-parallel traffic between nodes; null when all cards share one node.</summary>
    public string? Nic { get; init; }

    /// <summary>Cards in the deployment; null means tp x dp.</summary>
    public int? Cards { get; init; }

    public Parallelism Parallelism { get; init; } = Parallelism.Single;
    public DtypeSettings Dtypes { get; init; } = DtypeSettings.Default;
    public DecodeSettings? Decode { get; init; }
    public SearchSettings? Search { get; init; }
    public MemorySettings? Memory { get; init; }
    public PrefillSettings? Prefill { get; init; }

    /// <summary>The benchmark report measured on this system (<c>measured:</c>), for the accuracy table.</summary>
    public MeasuredSettings? Measured { get; init; }

    /// <summary>The scenario file, as the user wrote its path relative to the workspace root.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>Where each YAML key of this scenario was written, by dotted path ("decode.batch"), for diagnostics.</summary>
    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = new Dictionary<string, SourceLocation>();

    public int EffectiveCards => Cards ?? Parallelism.Tp * Parallelism.Dp;

    public SourceLocation LocationOf(string dottedKey) =>
        KeyLocations.TryGetValue(dottedKey, out var l) ? l : Location;
}
