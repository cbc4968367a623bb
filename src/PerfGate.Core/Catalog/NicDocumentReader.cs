using PerfGate.Diagnostics;
using PerfGate.Yaml;

namespace PerfGate.Catalog;

/// <summary>Reads a <c>kind: nic</c> document into a <see cref="NicSpec"/>.</summary>
internal static class NicDocumentReader
{
    private static readonly HashSet<string> NonFigures = new(StringComparer.Ordinal)
    {
        "kind", "id", "name", "description", "source", "sources",
    };

    public static NicSpec? Read(YamlMappingReader r, string id)
    {
        var errors = r.Diagnostics.Count(d => d.Severity == Severity.Error);
        var name = r.String("name", required: true);
        r.String("description");
        var lineRate = r.Rate("lineRate", required: true);
        var effective = r.Rate("effectiveBandwidth", required: true);
        var sources = SourcesReader.Read(r, NonFigures, []);
        r.Declare("kind", "id");
        if (lineRate is { } lr && effective is { } eff && eff.Value > lr.Value)
        {
            r.Report(DiagnosticIds.InvalidValue, $"'effectiveBandwidth' ({eff}) is more than 'lineRate' ({lr}); a card cannot move more than its line rate", r.ValueLocationOf("effectiveBandwidth"));
        }

        r.Complete();
        if (r.Diagnostics.Count(d => d.Severity == Severity.Error) > errors || name is null || lineRate is null || effective is null)
        {
            return null;
        }

        return new NicSpec
        {
            Id = id,
            Name = name,
            LineRate = lineRate.Value,
            EffectiveBandwidth = effective.Value,
            Sources = sources,
            Location = r.Location,
        };
    }
}
