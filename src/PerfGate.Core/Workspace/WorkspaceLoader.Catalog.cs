using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;

namespace PerfGate.Workspace;

public sealed partial class WorkspaceLoader
{
    private static readonly string[] YamlExtensions = [".yaml", ".yml"];

    private CatalogSet LoadCatalog(WorkspaceSettings settings)
    {
        var builder = new CatalogSetBuilder(BuiltInCatalog.Load());
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < settings.CatalogFolders.Count; i++)
        {
            var folder = settings.CatalogFolders[i];
            var at = ItemLocation(settings, "catalog", i);
            var absolute = ResolveInside(root, folder, string.Create(CultureInfo.InvariantCulture, $"catalog[{i}]"), at);
            if (absolute is null)
            {
                continue;
            }

            if (!fs.DirectoryExists(absolute))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"catalog folder '{folder}' does not exist (relative to the workspace root)", at));
                continue;
            }

            var files = fs.EnumerateFiles(absolute)
                .Select(WorkspacePaths.Normalize)
                .Where(f => YamlExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
                .Order(StringComparer.Ordinal);
            foreach (var file in files)
            {
                if (seen.Add(file) && Confined(file, string.Create(CultureInfo.InvariantCulture, $"catalog[{i}]"), Relative(file), at))
                {
                    LoadCatalogDocument(file, builder);
                }
            }
        }

        return builder.Build();
    }

    private void LoadCatalogDocument(string absolutePath, CatalogSetBuilder builder)
    {
        var yaml = LoadYaml(absolutePath, WorkspaceInputKind.Catalog);
        if (yaml is null)
        {
            return;
        }

        var relative = Relative(absolutePath);
        var kindReader = new Yaml.YamlMappingReader(yaml, relative, new List<Diagnostic>(), "a catalog document");
        var kindText = kindReader.String("kind");
        var kind = CatalogKinds.All.FirstOrDefault(k => k.Key == kindText);
        if (kindText is null || kind.Key is null)
        {
            var valid = CatalogKinds.All.Select(k => k.Key).ToList();
            var hint = kindText == "scenario" ? "; scenario documents belong in a path listed under 'scenarios:'" : Yaml.Suggestions.DidYouMean(kindText ?? string.Empty, valid);
            diagnostics.Add(Diagnostic.Error(
                kindText is null ? DiagnosticIds.MissingField : DiagnosticIds.UnknownKind,
                kindText is null
                    ? $"a catalog document needs 'kind:', one of {Yaml.Suggestions.List(valid)}"
                    : $"'kind' is '{kindText}', which is not a catalog document kind{hint}. Valid kinds here: {Yaml.Suggestions.List(valid)}",
                kindText is null ? new SourceLocation(relative, 1, 1) : kindReader.ValueLocationOf("kind")));
            return;
        }

        var directory = Path.GetDirectoryName(absolutePath) ?? root;
        var document = CatalogDocumentReader.Read(yaml, kind.Value, relative, directory, diagnostics);
        if (document is null)
        {
            if (kindReader.String("id") is { } id && kindReader.Has("id"))
            {
                builder.Claim(kind.Value, id, new SourceLocation(relative, 1, 1), diagnostics);
            }

            return;
        }

        if (document.Hardware?.CalibrationTables is { } tables && !Estimation.Calibration.CalibrationReference.IsEmbedded(tables))
        {
            CheckCalibration(document, tables, relative);
        }

        if (document.Hardware is { Defaulted.Count: > 0 } defaulted)
        {
            var left = HardwareSpec.DefaultedFields.Where(f => defaulted.Defaulted.Contains(f.Key)).Select(f => $"{f.Key} ({f.Value})");
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticIds.FigureLeftAtDefault,
                $"hardware '{defaulted.Id}' leaves {string.Join(", ", left)} at PerfGate's defaults; measure them on your machine and set them with a source, or set them to these values to accept them",
                new SourceLocation(relative, document.Location.Line, document.Location.Column)));
        }

        builder.Add(document, diagnostics);
    }

    private void CheckCalibration(CatalogDocument document, string tables, string relative)
    {
        var hw = document.Hardware!;
        var at = new SourceLocation(relative, document.Location.Line, document.Location.Column);
        if (WorkspacePaths.RelativeInside(root, tables) is not { } inside)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathEscapesWorkspace, $"'calibration' of hardware '{hw.Id}' resolves to '{tables}', outside the workspace root '{root}'; keep measured tables inside the workspace", at));
            return;
        }

        if (!Confined(tables, "calibration", inside, at))
        {
            return;
        }

        if (!fs.DirectoryExists(tables))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"'calibration' of hardware '{hw.Id}' names folder '{inside}', which does not exist or is empty", at));
            return;
        }

        // Only the tables the estimator parses (CalibrationFiles) are inputs (a README or a raw sweep beside them is not read).
        foreach (var name in CalibrationFiles.All.Select(f => f.Name).Order(StringComparer.Ordinal))
        {
            var csv = $"{tables.TrimEnd('/')}/{name}";
            if (fs.FileExists(csv) && Confined(csv, "calibration", Relative(csv), at))
            {
                Hash(Relative(csv), fs.ReadAllBytes(csv), WorkspaceInputKind.CalibrationTable);
            }
        }
    }

    private static SourceLocation ItemLocation(WorkspaceSettings settings, string key, int index) =>
        settings.KeyLocations.TryGetValue(string.Create(CultureInfo.InvariantCulture, $"{key}[{index}]"), out var l)
            ? l
            : settings.KeyLocations.TryGetValue(key, out var k) ? k : new SourceLocation(SettingsFileName);
}
