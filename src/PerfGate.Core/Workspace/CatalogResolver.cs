using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;
using PerfGate.IO;
using PerfGate.Yaml;

namespace PerfGate.Workspace;

/// <summary>
/// Resolves <c>--model</c>, <c>--hardware</c> and <c>--nic</c> values: a catalog id (built-in) or the path of
/// a YAML catalog document (anything ending in .yaml/.yml or naming an existing file). Problems become
/// diagnostics; nothing throws for bad input. Paths are relative to <paramref name="currentDirectory"/> and read through
/// <paramref name="files"/>.
/// </summary>
public sealed class CatalogResolver(IFileSystem files, string currentDirectory, CatalogSet? catalog = null)
{
    /// <summary>
    /// A resolver over the catalog of the workspace the command runs in (found as check finds it: the nearest
    /// perfgate.yaml at or above the current folder), or the built-ins outside a workspace. A workspace that does not
    /// load leaves the built-ins, with a warning naming the problem count, so estimate still answers.
    /// </summary>
    public static CatalogResolver ForFolder(IFileSystem files, string currentDirectory)
    {
        if (!WorkspaceDiscovery.TryFind(currentDirectory, null, files, out var root))
        {
            return new CatalogResolver(files, currentDirectory);
        }

        var loaded = WorkspaceLoader.Load(files, root);
        var resolver = new CatalogResolver(files, currentDirectory, loaded.Workspace?.Catalog);
        if (loaded.Workspace is null)
        {
            resolver._diagnostics.Add(Diagnostic.Warning(DiagnosticIds.InvalidSetting, $"the workspace at '{root}' has {loaded.Diagnostics.Count(d => d.Severity == Severity.Error)} error(s) ('perfgate validate' lists them); using the built-in catalog only", SourceLocation.None));
        }

        return resolver;
    }

    private readonly List<Diagnostic> _diagnostics = [];

    public IReadOnlyList<Diagnostic> Diagnostics => _diagnostics;

    public bool HasErrors => _diagnostics.Any(d => d.Severity == Severity.Error);

    public ModelSpec? Model(string value) => Resolve(value, CatalogDocumentKind.Model, "--model", set => set.Models, d => d.Model);

    public HardwareSpec? Hardware(string value) => Resolve(value, CatalogDocumentKind.Hardware, "--hardware", set => set.Hardware, d => d.Hardware);

    public NicSpec? Nic(string value) => Resolve(value, CatalogDocumentKind.Nic, "--nic", set => set.Nics, d => d.Nic);

    public StorageTierSpec? Storage(string value, string option) => Resolve(value, CatalogDocumentKind.Storage, option, set => set.Storage, d => d.Storage);

    /// <summary>The hardware profile's measured tables (its calibrationTables), or null with a diagnostic.</summary>
    public CalibrationTables? Calibration(HardwareSpec hardware)
    {
        if (Sibling(hardware) is { } sibling)
        {
            return Calibration(sibling);
        }

        if (hardware.CalibrationTables is not { } reference)
        {
            _diagnostics.Add(Diagnostic.Error(
                DiagnosticIds.EfficiencyDataMissing,
                $"efficiency 'measured' needs calibration tables, but {hardware.Id} has none; set its calibration ({CalibrationReference.EmbeddedPattern} or a folder with gemm.csv, attention_decode.csv, bandwidth.csv) or use --efficiency published|roofline",
                hardware.Location));
            return null;
        }

        var baseDirectory = hardware.Location.Origin == DocumentOrigin.Workspace && files.FileExists(Path.Combine(currentDirectory, hardware.Location.File))
            ? Path.GetDirectoryName(Path.GetFullPath(Path.Combine(currentDirectory, hardware.Location.File)))!
            : currentDirectory;
        return CalibrationLoader.Load(reference, baseDirectory, _diagnostics, hardware.Location, files);
    }

    /// <summary>The built-in hardware whose tables <paramref name="hardware"/> borrows (<c>calibration: {from: ...}</c>), or null.</summary>
    public HardwareSpec? Sibling(HardwareSpec hardware) =>
        hardware.CalibrationTransfer is { } t && BuiltInCatalog.Load().Hardware.TryGetValue(t.From, out var sibling) && sibling.CalibrationTransfer is null ? sibling : null;

    public void Add(Diagnostic diagnostic) => _diagnostics.Add(diagnostic);

    private T? Resolve<T>(string value, CatalogDocumentKind kind, string option, Func<CatalogSet, IReadOnlyDictionary<string, T>> pick, Func<CatalogDocument, T?> fromDocument)
        where T : class
    {
        var path = Path.Combine(currentDirectory, value);
        var kindName = kind.ToString().ToLowerInvariant();
        var looksLikePath = value.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || value.EndsWith(".yml", StringComparison.OrdinalIgnoreCase) || files.FileExists(path) || files.DirectoryExists(path);
        if (looksLikePath)
        {
            var text = InputFiles.ReadText(files, currentDirectory, value, $"a YAML {kindName} document for {option} (or a built-in {kindName} id)", YamlLimits.Default.MaxFileBytes, _diagnostics);
            if (text is null)
            {
                return null;
            }

            var (document, problems) = CatalogDocumentReader.Load(text, value, Path.GetDirectoryName(Path.GetFullPath(path)));
            _diagnostics.AddRange(problems);
            if (document is null)
            {
                return null;
            }

            if (document.Kind != kind)
            {
                _diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownKind, $"{option} expects a '{kindName}' document, but '{value}' is a '{document.Kind.ToString().ToLowerInvariant()}'", document.Location));
                return null;
            }

            return fromDocument(document);
        }

        var set = pick(catalog ?? BuiltInCatalog.Load());
        if (set.TryGetValue(value, out var spec))
        {
            return spec;
        }

        var known = string.Join(", ", set.Keys.Order(StringComparer.Ordinal));
        var near = Suggestions.Closest(value, set.Keys) ?? set.Keys.FirstOrDefault(k => k.Contains(value, StringComparison.OrdinalIgnoreCase) || value.Contains(k, StringComparison.OrdinalIgnoreCase));
        var hint = near is null ? string.Empty : $" (did you mean '{near}'?)";
        _diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"{option}: unknown {kindName} '{value}'{hint}; known: {known}; or pass the path of a YAML document", SourceLocation.None));
        return null;
    }
}
