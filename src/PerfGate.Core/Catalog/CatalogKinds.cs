namespace PerfGate.Catalog;

/// <summary>The <c>kind:</c> spellings of catalog documents.</summary>
public static class CatalogKinds
{
    public static IReadOnlyList<KeyValuePair<string, CatalogDocumentKind>> All { get; } =
    [
        new("hardware", CatalogDocumentKind.Hardware),
        new("nic", CatalogDocumentKind.Nic),
        new("model", CatalogDocumentKind.Model),
        new("storage", CatalogDocumentKind.Storage),
    ];

    public static string ToId(this CatalogDocumentKind kind) => kind switch
    {
        CatalogDocumentKind.Hardware => "hardware",
        CatalogDocumentKind.Nic => "nic",
        CatalogDocumentKind.Model => "model",
        CatalogDocumentKind.Storage => "storage",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "not a catalog document kind"),
    };
}
