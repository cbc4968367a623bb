using PerfGate.Reports;

namespace PerfGate.Catalog;

/// <summary>
/// One document of a catalog as <c>perfgate catalog show ID</c> prints it: every field with its source as a table, or
/// its JSON (<see cref="CatalogJson"/>). Ids are looked up among hardware, then NICs, then models.
/// </summary>
public sealed record CatalogEntry(TextTable Details, string Json)
{
    /// <summary>The document with <paramref name="id"/>; null when the catalog has none (see <see cref="Unknown"/>).</summary>
    public static CatalogEntry? Find(CatalogSet catalog, string id)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (catalog.Hardware.TryGetValue(id, out var h))
        {
            return new(CatalogTables.Details($"hardware {h.Id}", CatalogDetails.Of(h)), JsonText.Render(w => CatalogJson.Write(w, h)));
        }

        if (catalog.Nics.TryGetValue(id, out var n))
        {
            return new(CatalogTables.Details($"nic {n.Id}", CatalogDetails.Of(n)), JsonText.Render(w => CatalogJson.Write(w, n)));
        }

        return catalog.Models.TryGetValue(id, out var m)
            ? new(CatalogTables.Details($"model {m.Id}", CatalogDetails.Of(m)), JsonText.Render(w => CatalogJson.Write(w, m)))
            : null;
    }

    /// <summary>The error for an id the catalog does not have, with the closest ids and the known ones.</summary>
    public static string Unknown(CatalogSet catalog, string id)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var all = catalog.Hardware.Keys.Concat(catalog.Nics.Keys).Concat(catalog.Models.Keys).ToList();
        return $"perfgate: error {Diagnostics.DiagnosticIds.UnknownReference}: no hardware, NIC or model has id '{id}'{Yaml.Suggestions.DidYouMean(id, all)}. Known ids: {Yaml.Suggestions.List(all)}";
    }
}
