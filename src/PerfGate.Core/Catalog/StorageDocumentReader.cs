using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Yaml;

namespace PerfGate.Catalog;

/// <summary>Reads a <c>kind: storage</c> document into a <see cref="StorageTierSpec"/>.</summary>
internal static class StorageDocumentReader
{
    private static readonly HashSet<string> NonFigures = new(StringComparer.Ordinal)
    {
        "kind", "id", "name", "description", "source", "sources", "family",
    };

    public static StorageTierSpec? Read(YamlMappingReader r, string id)
    {
        var errors = r.Diagnostics.Count(d => d.Severity == Severity.Error);
        var name = r.String("name", required: true);
        r.String("description");
        var family = Family(r);
        var moves = family?.MovesBytes ?? false; // an unknown family is reported once, not with the fields it would need
        var bandwidth = r.Rate("bandwidth", required: moves);
        var efficiency = r.Double("efficiency", required: moves, min: 0, exclusiveMin: true, max: 1);
        var latency = r.Duration("latency", allowZero: true);
        if (family is { MovesBytes: false })
        {
            foreach (var key in new[] { "bandwidth", "efficiency" })
            {
                if (r.Has(key))
                {
                    r.Report(DiagnosticIds.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"'{key}' has no meaning for family '{family.Id}' ({family.Description}); remove it or use family per-card or shared"), r.LocationOf(key));
                }
            }
        }

        var sources = SourcesReader.Read(r, NonFigures, []);
        r.Declare("kind", "id");
        r.Complete();
        if (r.Diagnostics.Count(d => d.Severity == Severity.Error) > errors || name is null || family is null)
        {
            return null;
        }

        return new StorageTierSpec
        {
            Id = id,
            Name = name,
            Family = family,
            Bandwidth = bandwidth,
            Efficiency = efficiency ?? 1,
            Latency = latency ?? Quantities.Duration.Zero,
            Sources = sources,
            Location = r.Location,
        };
    }

    private static StorageFamily? Family(YamlMappingReader r)
    {
        var text = r.String("family", required: true);
        if (text is null)
        {
            return null;
        }

        foreach (var f in StorageFamilies.All)
        {
            if (f.Id == text)
            {
                return f;
            }
        }

        var valid = string.Join("; ", StorageFamilies.All.Select(f => $"'{f.Id}' ({f.Description})"));
        r.Report(DiagnosticIds.InvalidValue, $"'family' is '{text}'; use one of {valid}", r.ValueLocationOf("family"));
        return null;
    }
}
