using System.Reflection;
using PerfGate.Diagnostics;

namespace PerfGate.Catalog;

/// <summary>
/// The catalog shipped inside PerfGate: YAML documents embedded from <c>Catalog/BuiltIn/</c>, read with the
/// same strict reader as user documents, once per process.
/// </summary>
public static class BuiltInCatalog
{
    public const string ResourcePrefix = "PerfGate.Catalog.BuiltIn.";

    private static readonly Lazy<(CatalogSet Set, IReadOnlyList<CatalogDocument> Documents)> Cache = new(LoadCore, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>The built-in hardware, NICs and models, by id.</summary>
    public static CatalogSet Load() => Cache.Value.Set;

    /// <summary>The built-in documents with their resource names as file names (for listings and tests).</summary>
    public static IReadOnlyList<CatalogDocument> Documents => Cache.Value.Documents;

    /// <summary>The text of one built-in document, e.g. <c>hardware/h100-sxm.yaml</c> as <c>builtin:hardware.h100-sxm.yaml</c>.</summary>
    public static IEnumerable<(string Name, string Text)> ReadResources()
    {
        var assembly = typeof(BuiltInCatalog).Assembly;
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return (DocumentNames.BuiltIn(name[ResourcePrefix.Length..]), Read(assembly, name));
        }
    }

    private static (CatalogSet, IReadOnlyList<CatalogDocument>) LoadCore()
    {
        var builder = new CatalogSetBuilder();
        var documents = new List<CatalogDocument>();
        var problems = new List<Diagnostic>();
        foreach (var (name, text) in ReadResources())
        {
            var (document, diagnostics) = CatalogDocumentReader.Load(text, name, baseDirectory: null);
            problems.AddRange(diagnostics.Where(d => d.Severity == Severity.Error));
            if (document is not null)
            {
                builder.Add(document, problems);
                documents.Add(document);
            }
        }

        if (problems.Count > 0)
        {
            // A broken built-in document is a bug in PerfGate, not a user error.
            throw new InvalidOperationException("The built-in catalog is invalid:\n" + string.Join('\n', problems.Select(p => p.ToCanonicalString())));
        }

        return (builder.Build(), documents);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
