using PerfGate.Diagnostics;
using PerfGate.Yaml;

namespace PerfGate.Catalog;

/// <summary>
/// Reads <c>source:</c> (a default for every figure) and <c>sources:</c> (figure name to source) and checks
/// that every figure written has one (PG2009). A figure in a section (<c>moe.routedExperts</c>) may also take
/// the section's source (<c>sources: {moe: ...}</c>).
/// </summary>
internal static class SourcesReader
{
    public static Provenance Read(YamlMappingReader root, IReadOnlySet<string> nonFigures, IReadOnlyList<string> sections)
    {
        var fallback = root.String("source");
        if (fallback is not null && string.IsNullOrWhiteSpace(fallback))
        {
            root.Report(DiagnosticIds.InvalidValue, "'source' is blank; give a URL or the name of a document", root.ValueLocationOf("source"));
            fallback = null;
        }

        var figures = root.KeyLocations
            .Where(k => !nonFigures.Contains(k.Key) && !k.Key.StartsWith("sources.", StringComparison.Ordinal) && !sections.Contains(k.Key))
            // A misspelled key is reported once, as unknown, not again as a figure without a source.
            .Where(k => root.KnownKeys.Contains(k.Key.Split('.')[0], StringComparer.Ordinal))
            .OrderBy(k => k.Value.Line)
            .ThenBy(k => k.Value.Column)
            .ToList();
        var figureNames = figures.Select(f => f.Key).ToList();

        var explicitSources = new Dictionary<string, string>(StringComparer.Ordinal);
        var sourcesNode = root.Mapping("sources", context: "the 'sources' section");
        if (sourcesNode is not null)
        {
            var valid = figureNames.Concat(sections.Where(s => figureNames.Any(f => f.StartsWith(s + ".", StringComparison.Ordinal)))).ToList();
            foreach (var key in sourcesNode.WrittenKeys.ToList())
            {
                if (!valid.Contains(key, StringComparer.Ordinal))
                {
                    sourcesNode.Report(
                        DiagnosticIds.UnknownKey,
                        $"'sources.{key}' names no figure of this document{Suggestions.DidYouMean(key, valid)}. Figures here: {Suggestions.List(valid)}",
                        sourcesNode.LocationOf(key));
                    sourcesNode.Declare(key);
                    continue;
                }

                var text = sourcesNode.String(key);
                if (text is not null && !string.IsNullOrWhiteSpace(text))
                {
                    explicitSources[key] = text;
                }
                else if (text is not null)
                {
                    sourcesNode.Report(DiagnosticIds.InvalidValue, $"'sources.{key}' is blank; give a URL or the name of a document", sourcesNode.ValueLocationOf(key));
                }
            }

            sourcesNode.Complete();
        }

        var byField = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (figure, location) in figures)
        {
            var section = figure.Contains('.', StringComparison.Ordinal) ? figure[..figure.IndexOf('.', StringComparison.Ordinal)] : null;
            var source = explicitSources.GetValueOrDefault(figure)
                ?? (section is null ? null : explicitSources.GetValueOrDefault(section))
                ?? fallback;
            if (source is null)
            {
                root.Report(
                    DiagnosticIds.MissingSource,
                    $"figure '{figure}' has no source; add 'sources: {{{figure}: <URL or document>}}' or a default 'source:' for the document (say \"unofficial: ...\" when no official source exists)",
                    location);
                continue;
            }

            byField[figure] = source;
        }

        return new Provenance(byField, fallback);
    }
}
