namespace PerfGate.Catalog;

/// <summary>
/// Where each figure of a catalog document came from: a URL or a seed/research document per field
/// (keyed by the YAML field name, e.g. <c>memoryBandwidth</c>), with an optional default for the rest.
/// Figures without an official source say so in their source text ("unofficial: ...").
/// </summary>
public sealed record Provenance(IReadOnlyDictionary<string, string> ByField, string? Default = null)
{
    public static Provenance Empty { get; } = new(new Dictionary<string, string>());

    public string? For(string field) => ByField.TryGetValue(field, out var s) ? s : Default;
}
