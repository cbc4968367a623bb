namespace PerfGate.Catalog;

/// <summary>The documents PerfGate knows: built-ins overlaid with the workspace's own.</summary>
public sealed record CatalogSet(
    IReadOnlyDictionary<string, HardwareSpec> Hardware,
    IReadOnlyDictionary<string, NicSpec> Nics,
    IReadOnlyDictionary<string, ModelSpec> Models)
{
    /// <summary>Storage tiers a prefix (KV-cache) hit can be served from (<c>kind: storage</c>).</summary>
    public IReadOnlyDictionary<string, StorageTierSpec> Storage { get; init; } = new Dictionary<string, StorageTierSpec>(StringComparer.Ordinal);

    public static CatalogSet Empty { get; } = new(
        new Dictionary<string, HardwareSpec>(StringComparer.Ordinal),
        new Dictionary<string, NicSpec>(StringComparer.Ordinal),
        new Dictionary<string, ModelSpec>(StringComparer.Ordinal));
}
