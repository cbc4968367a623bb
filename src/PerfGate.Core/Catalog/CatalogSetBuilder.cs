using PerfGate.Diagnostics;

namespace PerfGate.Catalog;

/// <summary>
/// Overlays catalog documents: built-ins first, then the workspace's own. A workspace document with a
/// built-in's id replaces it (reported as info, PG2016); two workspace documents of one kind with the same
/// id are an error (PG2007).
/// </summary>
public sealed class CatalogSetBuilder
{
    private readonly Dictionary<string, HardwareSpec> hardware = new(StringComparer.Ordinal);
    private readonly Dictionary<string, NicSpec> nics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ModelSpec> models = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StorageTierSpec> storage = new(StringComparer.Ordinal);
    private readonly Dictionary<(CatalogDocumentKind, string), SourceLocation> fromWorkspace = [];

    public CatalogSetBuilder()
    {
    }

    public CatalogSetBuilder(CatalogSet baseSet)
    {
        foreach (var (k, v) in baseSet.Hardware)
        {
            hardware[k] = v;
        }

        foreach (var (k, v) in baseSet.Nics)
        {
            nics[k] = v;
        }

        foreach (var (k, v) in baseSet.Models)
        {
            models[k] = v;
        }

        foreach (var (k, v) in baseSet.Storage)
        {
            storage[k] = v;
        }
    }

    /// <summary>Adds a workspace document, reporting duplicates and overrides.</summary>
    public void Add(CatalogDocument document, ICollection<Diagnostic> diagnostics)
    {
        if (!Claim(document.Kind, document.Id, document.Location, diagnostics))
        {
            return;
        }

        var what = $"{document.Kind.ToId()} '{document.Id}'";
        var overrides = document.Kind switch
        {
            CatalogDocumentKind.Hardware => hardware.ContainsKey(document.Id),
            CatalogDocumentKind.Nic => nics.ContainsKey(document.Id),
            CatalogDocumentKind.Model => models.ContainsKey(document.Id),
            CatalogDocumentKind.Storage => storage.ContainsKey(document.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(document), document.Kind, "not a catalog document kind"),
        };
        if (overrides)
        {
            diagnostics.Add(Diagnostic.Info(DiagnosticIds.OverridesBuiltIn, $"{what} replaces the built-in document with that id", document.Location));
        }

        AddOrReplace(document);
    }

    /// <summary>
    /// Records that a workspace document of <paramref name="kind"/> uses <paramref name="id"/>; false (and PG2007)
    /// when another one already does. Called for documents that failed to read too, so one run reports a duplicate
    /// id alongside the documents' other errors.
    /// </summary>
    public bool Claim(CatalogDocumentKind kind, string id, SourceLocation location, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (fromWorkspace.TryGetValue((kind, id), out var first))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.DuplicateId, $"{kind.ToId()} '{id}' is defined twice; the first definition is in {Describe(first)}. Give one of them another id", location));
            return false;
        }

        fromWorkspace[(kind, id)] = location;
        return true;
    }

    /// <summary>Adds or replaces without any report (used for the built-in set).</summary>
    public void AddOrReplace(CatalogDocument document)
    {
        switch (document.Kind)
        {
            case CatalogDocumentKind.Hardware:
                hardware[document.Id] = document.Hardware!;
                break;
            case CatalogDocumentKind.Nic:
                nics[document.Id] = document.Nic!;
                break;
            case CatalogDocumentKind.Model:
                models[document.Id] = document.Model!;
                break;
            case CatalogDocumentKind.Storage:
                storage[document.Id] = document.Storage!;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(document), document.Kind, "not a catalog document kind");
        }
    }

    public CatalogSet Build() => new(
        new SortedDictionary<string, HardwareSpec>(hardware, StringComparer.Ordinal),
        new SortedDictionary<string, NicSpec>(nics, StringComparer.Ordinal),
        new SortedDictionary<string, ModelSpec>(models, StringComparer.Ordinal))
    {
        Storage = new SortedDictionary<string, StorageTierSpec>(storage, StringComparer.Ordinal),
    };

    private static string Describe(SourceLocation l) =>
        l.Line > 0 ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{l.File} line {l.Line}") : l.File;
}
