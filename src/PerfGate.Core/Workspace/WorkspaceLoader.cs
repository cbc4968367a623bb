using System.Security.Cryptography;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Yaml;

namespace PerfGate.Workspace;

/// <summary>
/// Loads a workspace: perfgate.yaml, the user's catalog folders over the built-in catalog, and the scenario
/// files; checks references, duplicate ids and paths; hashes every input. Pure apart from the file system
/// passed in. Every problem found is reported; the workspace is returned only when there is no error.
/// Diagnostics name files by their path relative to the workspace root.
/// </summary>
public sealed partial class WorkspaceLoader
{
    public const string SettingsFileName = "perfgate.yaml";

    private readonly IFileSystem fs;
    private readonly string root;
    private readonly YamlLimits limits;
    private readonly List<Diagnostic> diagnostics = [];
    private readonly SortedDictionary<string, WorkspaceInput> inputs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ReadOnlyMemory<byte>> contents = new(StringComparer.Ordinal);
    private string? resolvedRoot;

    // Paths already found inside the workspace with their links followed: many scenarios name one report or config.
    private readonly HashSet<string> confined = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> resolvedFolders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> resolvedReports = new(StringComparer.Ordinal);
    private readonly int parallelism;

    private WorkspaceLoader(IFileSystem fs, string root, YamlLimits limits, int parallelism)
    {
        this.fs = fs;
        this.parallelism = parallelism;
        this.root = WorkspacePaths.Normalize(Path.GetFullPath(root)).TrimEnd('/');
        if (this.root.Length == 0)
        {
            this.root = "/";
        }

        this.limits = limits;
    }

    /// <param name="fs">The file system (the real disk, or an in-memory one in tests).</param>
    /// <param name="root">The folder holding perfgate.yaml.</param>
    /// <param name="overrides">Settings from the environment and the command line, layered in that order (see <see cref="WorkspaceSettingKeys"/>).</param>
    /// <param name="limits">YAML limits; default 1 MiB, depth 32.</param>
    /// <param name="parallelism">Cores the scenario files are read and parsed on (the result and its diagnostics are the same on any number).</param>
    public static WorkspaceLoadResult Load(IFileSystem fs, string root, IReadOnlyDictionary<string, string?>? overrides = null, YamlLimits? limits = null, int parallelism = 1) =>
        new WorkspaceLoader(fs, root, limits ?? YamlLimits.Default, parallelism).Run(overrides);

    private WorkspaceLoadResult Run(IReadOnlyDictionary<string, string?>? overrides)
    {
        var settingsPath = $"{root}/{SettingsFileName}";
        if (fs.DirectoryExists(settingsPath))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"'{SettingsFileName}' in '{root}' is a folder; the workspace settings must be a YAML file of that name", new SourceLocation(SettingsFileName)));
            return Result(null);
        }

        if (!fs.FileExists(settingsPath))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"no {SettingsFileName} in '{root}'; create one (see the README) or pass --workspace with the folder that holds it", new SourceLocation(SettingsFileName)));
            return Result(null);
        }

        var settingsYaml = Confined(settingsPath, SettingsFileName, SettingsFileName, new SourceLocation(SettingsFileName)) ? LoadYaml(settingsPath, WorkspaceInputKind.Settings) : null;
        if (settingsYaml is null)
        {
            return Result(null);
        }

        var settings = WorkspaceSettingsReader.Read(settingsYaml, SettingsFileName, overrides, diagnostics);
        if (settings is null)
        {
            return Result(null);
        }

        CheckFolder(settings.Baselines, "baselines", settings.KeyLocations, mustExist: false);
        if (settings.ReportsDirectory is not null)
        {
            CheckFolder(settings.ReportsDirectory, "reports.directory", settings.KeyLocations, mustExist: false);
        }

        var catalog = LoadCatalog(settings);
        var scenarios = LoadScenarios(settings, catalog);
        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return Result(null);
        }

        return Result(new LoadedWorkspace
        {
            Root = root,
            Settings = settings,
            Catalog = catalog,
            Scenarios = scenarios,
            Inputs = inputs.Values.ToList(),
            Contents = contents,
        });
    }

    private WorkspaceLoadResult Result(LoadedWorkspace? workspace) => new(workspace, diagnostics.ToList());

    /// <summary>Reads, hashes and parses one file; null (with diagnostics) when it cannot be parsed.</summary>
    private YamlDotNet.RepresentationModel.YamlMappingNode? LoadYaml(string absolutePath, WorkspaceInputKind kind) => Record(ReadYaml(absolutePath), kind);

    /// <summary>
    /// Reads and parses one file, touching nothing of the loader's but what it was built with: the files of a workspace
    /// are read and parsed on several cores, then recorded (<see cref="Record"/>) one by one in their order.
    /// </summary>
    private ReadFile ReadYaml(string absolutePath)
    {
        var relative = Relative(absolutePath);
        byte[] bytes;
        try
        {
            var length = fs.GetFileLength(absolutePath);
            if (length > limits.MaxFileBytes)
            {
                return new ReadFile(relative, null, null, null, [Diagnostic.Error(DiagnosticIds.HostileInput, $"the file is {length.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes, more than the {limits.MaxFileBytes.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes (1 MiB) PerfGate reads; split it into smaller files", new SourceLocation(relative))]);
            }

            bytes = fs.ReadAllBytes(absolutePath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new ReadFile(relative, null, null, null, [Diagnostic.Error(DiagnosticIds.FileNotFound, $"cannot read the file: {ex.Message}; make it readable or remove it from the workspace", new SourceLocation(relative))]);
        }

        // Hashed here, not when recorded: this part runs on every core, recording in the files' order on one.
        var sha256 = Sha256(bytes);
        var text = InputText.Decode(bytes, relative, out var notText);
        if (text is null)
        {
            return new ReadFile(relative, bytes, sha256, null, [notText!]);
        }

        var loaded = YamlDocumentLoader.Load(text, relative, limits);
        return new ReadFile(relative, bytes, sha256, loaded.Root, loaded.Diagnostics);
    }

    /// <summary>Records a file <see cref="ReadYaml"/> read: its hash (when its bytes were read) and its diagnostics; its tree or null.</summary>
    private YamlDotNet.RepresentationModel.YamlMappingNode? Record(ReadFile file, WorkspaceInputKind kind)
    {
        if (file is { Bytes: { } bytes, Sha256: { } sha256 })
        {
            Hash(file.Relative, bytes, sha256, kind);
        }

        diagnostics.AddRange(file.Diagnostics);
        return file.Root;
    }

    /// <summary>One file as read and parsed: the bytes and their hash (null: not read), the tree (null: not parsed) and what was wrong.</summary>
    private sealed record ReadFile(string Relative, byte[]? Bytes, string? Sha256, YamlDotNet.RepresentationModel.YamlMappingNode? Root, IReadOnlyList<Diagnostic> Diagnostics);

    /// <summary>True when <paramref name="relative"/> was read and hashed as <paramref name="kind"/> already (a report or config that several scenarios name is read once).</summary>
    private bool Hashed(string relative, WorkspaceInputKind kind) => inputs.TryGetValue(relative, out var input) && input.Kind == kind;

    /// <summary>
    /// Records an input: its hash, and for a file evaluation parses later, the very bytes hashed, which are the bytes it
    /// parses (<see cref="LoadedWorkspace.Contents"/>).
    /// </summary>
    private void Hash(string relative, byte[] bytes, WorkspaceInputKind kind) => Hash(relative, bytes, Sha256(bytes), kind);

    private void Hash(string relative, byte[] bytes, string sha256, WorkspaceInputKind kind)
    {
        inputs[relative] = new WorkspaceInput(relative, sha256, kind);
        if (ParsedByEvaluation(kind))
        {
            contents[relative] = bytes;
        }
    }

    /// <summary>An input's hash as recorded: SHA-256, lower-case hex.</summary>
    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Whether evaluation parses a file of this kind from <see cref="LoadedWorkspace.Contents"/> (the loader parses the others).</summary>
    private static bool ParsedByEvaluation(WorkspaceInputKind kind) => kind switch
    {
        WorkspaceInputKind.Settings or WorkspaceInputKind.Catalog or WorkspaceInputKind.Scenario => false,
        WorkspaceInputKind.EngineConfig or WorkspaceInputKind.CalibrationTable or WorkspaceInputKind.MeasuredReport => true,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown input kind"),
    };

    private string Relative(string absolutePath) => WorkspacePaths.RelativeInside(root, absolutePath) ?? absolutePath;

    /// <summary>Resolves a path written in a file against a folder, refusing paths outside the root (PG2012).</summary>
    private string? ResolveInside(string baseDirectory, string path, string key, SourceLocation at)
    {
        var absolute = WorkspacePaths.Resolve(baseDirectory, path);
        if (WorkspacePaths.RelativeInside(root, absolute) is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathEscapesWorkspace, $"'{key}' is '{path}', which lies outside the workspace root '{root}'; use a path inside it", at));
            return null;
        }

        return Confined(absolute, key, path, at) ? absolute : null;
    }

    /// <summary>
    /// True when <paramref name="absolute"/> stays inside the workspace once symbolic links are followed (the root's own
    /// links included); otherwise a PG2012 error at the key that names it. Inputs and outputs alike: a baselines folder
    /// that is a link to a folder outside the workspace is refused, not written through.
    /// </summary>
    private bool Confined(string absolute, string key, string path, SourceLocation at)
    {
        if (confined.Contains(absolute))
        {
            return true;
        }

        string target;
        try
        {
            resolvedRoot ??= WorkspacePaths.Normalize(fs.ResolveLinks(root));
            target = WorkspacePaths.Normalize(ResolveLinks(absolute));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.PathEscapesWorkspace, $"'{key}' is '{path}', whose symbolic links cannot be followed: {ex.Message.TrimEnd('.')}; use a path inside the workspace without link loops", at));
            return false;
        }

        if (WorkspacePaths.RelativeInside(resolvedRoot, target) is not null)
        {
            confined.Add(absolute);
            return true;
        }

        diagnostics.Add(Diagnostic.Error(
            DiagnosticIds.PathEscapesWorkspace,
            $"'{key}' is '{path}', which is a symbolic link (or lies under one) to '{target}', outside the workspace root '{root}'; PerfGate reads and writes only inside the workspace: copy the files into it or point '{key}' at a folder inside it",
            at));
        return false;
    }

    /// <summary>
    /// <see cref="IFileSystem.ResolveLinks"/> of <paramref name="absolute"/>, each folder resolved once per load: a
    /// workspace's scenarios share one or a few folders, and resolving every file's whole path again costs a look at
    /// every folder above it, per file.
    /// </summary>
    private string ResolveLinks(string absolute)
    {
        // As ResolveLinks does, '..' and '.' are taken lexically first, so the last segment is a name.
        absolute = Path.GetFullPath(absolute);
        if (Path.GetDirectoryName(absolute) is not { Length: > 0 } folder || Path.GetFileName(absolute) is not { Length: > 0 } name)
        {
            return fs.ResolveLinks(absolute);
        }

        if (!resolvedFolders.TryGetValue(folder, out var resolved))
        {
            resolved = fs.ResolveLinks(folder);
            resolvedFolders[folder] = resolved;
        }

        return fs.ResolveLinksIn(resolved, name);
    }

    private void CheckFolder(string path, string key, IReadOnlyDictionary<string, SourceLocation> locations, bool mustExist)
    {
        var at = locations.TryGetValue(key, out var l) ? l : new SourceLocation(SettingsFileName);
        var absolute = ResolveInside(root, path, key, at);
        if (absolute is not null && fs.FileExists(absolute))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"'{key}' names '{path}', which is a file; name a folder", at));
        }
        else if (absolute is not null && mustExist && !fs.DirectoryExists(absolute))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"'{key}' names folder '{path}', which does not exist", at));
        }
    }
}
