using PerfGate.Diagnostics;
using PerfGate.Yaml;

namespace PerfGate.Catalog;

/// <summary>
/// Reads catalog documents (<c>kind: hardware | nic | model | storage</c>) from YAML. Every problem in a document is
/// reported; the document is returned only when it has none.
/// </summary>
public static class CatalogDocumentReader
{
    /// <summary>Parses and reads one file's text. <paramref name="baseDirectory"/> resolves relative paths (calibration folders); null for built-ins.</summary>
    public static (CatalogDocument? Document, IReadOnlyList<Diagnostic> Diagnostics) Load(string text, string file, string? baseDirectory, YamlLimits? limits = null)
    {
        var loaded = YamlDocumentLoader.Load(text, file, limits);
        if (loaded.Root is null)
        {
            return (null, loaded.Diagnostics);
        }

        var diagnostics = new List<Diagnostic>();
        var reader = new YamlMappingReader(loaded.Root, file, diagnostics, "a catalog document");
        var kind = reader.Enum("kind", CatalogKinds.All, required: true);
        if (kind is null)
        {
            return (null, diagnostics.Select(d => d.Id == DiagnosticIds.InvalidValue ? d with { Id = DiagnosticIds.UnknownKind } : d).ToList());
        }

        return (Read(loaded.Root, kind.Value, file, baseDirectory, diagnostics), diagnostics);
    }

    /// <summary>Reads a document whose kind is already known (the workspace loader dispatches on 'kind' first).</summary>
    public static CatalogDocument? Read(YamlDotNet.RepresentationModel.YamlMappingNode root, CatalogDocumentKind kind, string file, string? baseDirectory, ICollection<Diagnostic> diagnostics)
    {
        var reader = new YamlMappingReader(root, file, diagnostics, $"a {kind.ToId()} document");
        var id = ReadId(reader);
        CatalogDocument? document = null;
        switch (kind)
        {
            case CatalogDocumentKind.Hardware:
                var hw = HardwareDocumentReader.Read(reader, id ?? string.Empty, baseDirectory);
                document = hw is null ? null : new CatalogDocument(kind, hw.Id, reader.Location, Hardware: hw);
                break;
            case CatalogDocumentKind.Nic:
                var nic = NicDocumentReader.Read(reader, id ?? string.Empty);
                document = nic is null ? null : new CatalogDocument(kind, nic.Id, reader.Location, Nic: nic);
                break;
            case CatalogDocumentKind.Model:
                var model = ModelDocumentReader.Read(reader, id ?? string.Empty);
                document = model is null ? null : new CatalogDocument(kind, model.Id, reader.Location, Model: model);
                break;
            case CatalogDocumentKind.Storage:
                var tier = StorageDocumentReader.Read(reader, id ?? string.Empty);
                document = tier is null ? null : new CatalogDocument(kind, tier.Id, reader.Location, Storage: tier);
                break;
        }

        return id is null ? null : document;
    }

    /// <summary>Reads and checks the required <c>id</c> of a document (catalog or scenario).</summary>
    public static string? ReadId(YamlMappingReader reader)
    {
        var id = reader.String("id", required: true);
        if (id is not null && !CatalogIds.IsValid(id))
        {
            reader.Report(DiagnosticIds.InvalidValue, $"id '{id}' is not valid; use {CatalogIds.Rule}", reader.ValueLocationOf("id"));
            return null;
        }

        return id;
    }
}
