using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Scenarios;
using PerfGate.Yaml;

namespace PerfGate.Workspace;

public sealed partial class WorkspaceLoader
{
    private List<ScenarioSpec> LoadScenarios(WorkspaceSettings settings, CatalogSet catalog)
    {
        var files = new List<string>();
        for (var i = 0; i < settings.ScenarioPatterns.Count; i++)
        {
            var pattern = settings.ScenarioPatterns[i];
            var at = ItemLocation(settings, "scenarios", i);
            var key = string.Create(CultureInfo.InvariantCulture, $"scenarios[{i}]");
            if (!Syntax.Glob.HasWildcards(pattern))
            {
                var absolute = ResolveInside(root, pattern, key, at);
                if (absolute is null)
                {
                    continue;
                }

                if (fs.DirectoryExists(absolute))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"scenario file '{pattern}' is a folder; name a YAML file, or its files with a glob such as '{pattern.TrimEnd('/')}/*.yaml'", at));
                    continue;
                }

                if (!fs.FileExists(absolute))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"scenario file '{pattern}' does not exist (relative to the workspace root)", at));
                    continue;
                }

                files.Add(absolute);
                continue;
            }

            // A glob: check that its fixed part stays inside the root, then match every file under the root.
            var fixedPart = pattern[..pattern.IndexOfAny(['*', '?'])];
            if (ResolveInside(root, fixedPart.Length == 0 ? "." : fixedPart, key, at) is null)
            {
                continue;
            }

            // Only the folder before the first wildcard is searched (never the whole repository).
            var normalized = WorkspacePaths.Normalize(pattern);
            while (normalized.StartsWith("./", StringComparison.Ordinal))
            {
                normalized = normalized[2..];
            }

            var glob = Syntax.Glob.ForPaths(normalized);
            var slash = normalized[..normalized.IndexOfAny(['*', '?'])].LastIndexOf('/');
            var searchRoot = slash < 0 ? root : WorkspacePaths.Resolve(root, normalized[..slash]);
            var matches = !fs.DirectoryExists(searchRoot)
                ? []
                : fs.EnumerateFiles(searchRoot)
                    .Select(WorkspacePaths.Normalize)
                    .Where(f => WorkspacePaths.RelativeInside(root, f) is { } rel && glob.IsMatch(rel))
                    .Order(StringComparer.Ordinal)
                    .ToList();
            if (matches.Count == 0)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"scenario pattern '{pattern}' matches no file", at));
            }

            files.AddRange(matches.Where(f => Confined(f, key, Relative(f), at)));
        }

        // Reading and parsing is most of a load and each file's own: on several cores; the rest in the files' order.
        var distinct = files.Distinct(StringComparer.Ordinal).ToList();
        // Each file is recorded in order while the files after it are parsed, at most a window ahead: its tree becomes its
        // scenario record soon after it is parsed, so the trees of a large workspace are never all held at once.
        var scenarios = new List<ScenarioSpec>(distinct.Count);
        var references = new List<ScenarioReference>();
        Threading.OrderedParallel.ForEach(distinct, parallelism, path => (Path: path, File: ReadYaml(path)), read =>
        {
            if (LoadScenario(read.Path, read.File, references) is { } scenario)
            {
                scenarios.Add(scenario);
            }
        });

        CheckDuplicates(scenarios);
        CheckReferences(references, catalog);
        foreach (var scenario in scenarios)
        {
            if (catalog.Models.TryGetValue(scenario.Model, out var model))
            {
                diagnostics.AddRange(Evaluation.ScenarioParallelism.Validate(scenario, model));
            }
        }

        return scenarios.OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
    }

    private ScenarioSpec? LoadScenario(string absolutePath, ReadFile file, List<ScenarioReference> references)
    {
        var yaml = Record(file, WorkspaceInputKind.Scenario);
        if (yaml is null)
        {
            return null;
        }

        var relative = Relative(absolutePath);
        if (!IsScenario(yaml))
        {
            var kindReader = new YamlMappingReader(yaml, relative, new List<Diagnostic>(), "a scenario document");
            var kind = kindReader.String("kind");
            diagnostics.Add(Diagnostic.Error(
                kind is null ? DiagnosticIds.MissingField : DiagnosticIds.UnknownKind,
                kind is null
                    ? "a scenario document needs 'kind: scenario'"
                    : $"'kind' is '{kind}' but files listed under 'scenarios:' must be 'kind: scenario'{(CatalogKinds.All.Any(k => k.Key == kind) ? "; put catalog documents in a folder listed under 'catalog:'" : string.Empty)}",
                kind is null ? new SourceLocation(relative, 1, 1) : kindReader.ValueLocationOf("kind")));
            return null;
        }

        var directory = Path.GetDirectoryName(absolutePath) ?? root;
        return ScenarioDocumentReader.Read(yaml, relative, diagnostics, references, (path, at) => ResolveEngineConfig(directory, path, at), (path, at) => ResolveReport(directory, path, at));
    }

    /// <summary>
    /// Whether the document's first 'kind' key is the text "scenario", as <see cref="YamlMappingReader.String"/> reads
    /// it, without building a reader of the whole mapping (the scenario reader builds its own); anything else is
    /// reported by a reader.
    /// </summary>
    private static bool IsScenario(YamlDotNet.RepresentationModel.YamlMappingNode yaml)
    {
        foreach (var (key, value) in yaml.Children)
        {
            if (key is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "kind" })
            {
                return value is YamlDotNet.RepresentationModel.YamlScalarNode { Value: "scenario" };
            }
        }

        return false;
    }

    private string? ResolveEngineConfig(string directory, string path, SourceLocation at)
    {
        var absolute = ResolveInside(directory, path, "memory.mindieConfig", at);
        if (absolute is null)
        {
            return null;
        }

        if (!fs.FileExists(absolute))
        {
            var what = fs.DirectoryExists(absolute) ? "which is a folder; name MindIE's config.json file" : "which does not exist (relative to the scenario file)";
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"'memory.mindieConfig' names '{path}', {what}", at));
            return null;
        }

        try
        {
            if (Hashed(Relative(absolute), WorkspaceInputKind.EngineConfig))
            {
                return Relative(absolute);
            }

            if (fs.GetFileLength(absolute) > Memory.ScenarioMindieConfig.MaxConfigBytes)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, string.Create(CultureInfo.InvariantCulture, $"'memory.mindieConfig' names '{path}', which is larger than {Memory.ScenarioMindieConfig.MaxConfigBytes} bytes; that is no MindIE config.json"), at));
                return null;
            }

            Hash(Relative(absolute), fs.ReadAllBytes(absolute), WorkspaceInputKind.EngineConfig);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"'memory.mindieConfig' names '{path}', which cannot be read: {ex.Message}", at));
            return null;
        }

        // Recorded relative to the workspace root with '/', as every path in a snapshot.
        return Relative(absolute);
    }

    /// <summary>A scenario's measured report (and its sidecar, when there is one): resolved, checked and hashed as inputs.</summary>
    private string? ResolveReport(string directory, string path, SourceLocation at)
    {
        var absolute = ResolveInside(directory, path, "measured.report", at);
        if (absolute is null)
        {
            return null;
        }

        // Many scenarios name one report: once it is found, read and hashed (with its sidecar, if any), every later
        // scenario that names it gets the same answer without looking at the disk again.
        if (resolvedReports.TryGetValue(absolute, out var resolved))
        {
            return resolved;
        }

        if (!fs.FileExists(absolute))
        {
            var what = fs.DirectoryExists(absolute) ? "which is a folder; name the report file" : "which does not exist (relative to the scenario file)";
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"'measured.report' names '{path}', {what}", at));
            return null;
        }

        try
        {
            foreach (var file in new[] { absolute, Measurements.MeasuredSidecar.PathFor(absolute) }.Where(fs.FileExists))
            {
                if (Hashed(Relative(file), WorkspaceInputKind.MeasuredReport))
                {
                    continue;
                }

                if (fs.GetFileLength(file) > Measurements.ScenarioMeasuredRuns.MaxReportBytes)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, string.Create(CultureInfo.InvariantCulture, $"'measured.report' names '{path}', which is larger than {Measurements.ScenarioMeasuredRuns.MaxReportBytes} bytes; that is no benchmark summary"), at));
                    return null;
                }

                Hash(Relative(file), fs.ReadAllBytes(file), WorkspaceInputKind.MeasuredReport);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"'measured.report' names '{path}', which cannot be read: {ex.Message}", at));
            return null;
        }

        // Recorded relative to the workspace root with '/', as every path in a snapshot.
        resolved = Relative(absolute);
        resolvedReports[absolute] = resolved;
        return resolved;
    }

    private void CheckDuplicates(List<ScenarioSpec> scenarios)
    {
        foreach (var group in scenarios.GroupBy(s => s.Id, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            var first = group.First();
            foreach (var duplicate in group.Skip(1))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.DuplicateId, $"scenario id '{group.Key}' is used twice; the first is in {first.Location.File}. Scenario ids name baselines, so each must be unique", duplicate.LocationOf("id")));
            }
        }
    }

    private void CheckReferences(List<ScenarioReference> references, CatalogSet catalog)
    {
        foreach (var reference in references)
        {
            // A lookup per reference; the ids are listed only for the error.
            (Func<string, bool> known, IEnumerable<string> keys) = reference.Kind switch
            {
                CatalogDocumentKind.Hardware => (catalog.Hardware.ContainsKey, catalog.Hardware.Keys),
                CatalogDocumentKind.Nic => (catalog.Nics.ContainsKey, catalog.Nics.Keys),
                CatalogDocumentKind.Model => (catalog.Models.ContainsKey, catalog.Models.Keys),
                CatalogDocumentKind.Storage => ((Func<string, bool>)catalog.Storage.ContainsKey, catalog.Storage.Keys),
                _ => throw new ArgumentOutOfRangeException(nameof(references), reference.Kind, "not a catalog document kind"),
            };
            if (known(reference.Id))
            {
                continue;
            }

            var ids = keys.ToList();

            diagnostics.Add(Diagnostic.Error(
                DiagnosticIds.UnknownReference,
                $"'{reference.Key}' names {reference.Kind.ToId()} '{reference.Id}', which is not in the catalog{Suggestions.DidYouMean(reference.Id, ids)}. Known {reference.Kind.ToId()} ids: {Suggestions.List(ids)}",
                reference.Location));
        }
    }
}
