using PerfGate.Catalog;
using PerfGate.Scenarios;

namespace PerfGate.Workspace;

/// <summary>A loaded, valid workspace: settings, the catalog (built-ins overlaid with the user's), scenarios and inputs.</summary>
public sealed record LoadedWorkspace
{
    /// <summary>Absolute path of the folder holding perfgate.yaml.</summary>
    public required string Root { get; init; }

    public required WorkspaceSettings Settings { get; init; }

    public required CatalogSet Catalog { get; init; }

    /// <summary>Scenarios ordered by id.</summary>
    public required IReadOnlyList<ScenarioSpec> Scenarios { get; init; }

    /// <summary>Every input file with its hash, ordered by path.</summary>
    public required IReadOnlyList<WorkspaceInput> Inputs { get; init; }

    /// <summary>
    /// The bytes of every input that evaluation parses (MindIE configs, calibration tables, measured reports and their
    /// sidecars), by its path relative to the root: read once by the loader, hashed into <see cref="Inputs"/>, and parsed
    /// from here, never read again. Scenario, catalog and settings files are parsed by the loader itself; their bytes
    /// are not kept (a check holds the workspace until it ends).
    /// </summary>
    public IReadOnlyDictionary<string, ReadOnlyMemory<byte>> Contents { get; init; } = new Dictionary<string, ReadOnlyMemory<byte>>(StringComparer.Ordinal);

    /// <summary>Absolute path of the baselines folder.</summary>
    public string BaselinesDirectory => WorkspacePaths.Resolve(Root, Settings.Baselines);

    /// <summary>
    /// The files a scenario reads, exactly: perfgate.yaml, its own file, the workspace documents of its model, hardware
    /// (the search's too) and NIC, its MindIE config, and its measured report with the report's sidecar. The calibration tables it uses are added by the evaluator,
    /// which alone knows whether it used them (<see cref="CalibrationInputs"/>). Built-in documents are part of the tool
    /// version, not inputs.
    /// </summary>
    public IReadOnlyList<WorkspaceInput> InputsOf(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var read = new HashSet<string>(StringComparer.Ordinal) { WorkspacePaths.Normalize(scenario.Location.File) };
        foreach (var id in new[] { scenario.Hardware }.Concat(scenario.Search?.Hardware ?? []))
        {
            if (Catalog.Hardware.TryGetValue(id, out var hardware))
            {
                read.Add(hardware.Location.File);
            }
        }

        if (Catalog.Models.TryGetValue(scenario.Model, out var model))
        {
            read.Add(model.Location.File);
        }

        if (scenario.Nic is { } nicId && Catalog.Nics.TryGetValue(nicId, out var nic))
        {
            read.Add(nic.Location.File);
        }

        if (scenario.Memory?.MindieConfig is { } engineConfig)
        {
            read.Add(engineConfig);
        }

        if (scenario.Measured?.Report is { } report)
        {
            read.Add(report);
            read.Add(Measurements.MeasuredSidecar.PathFor(report));
        }

        // Looked up by path, not filtered from every input: a workspace of N scenarios has N inputs or more, and a scan per
        // scenario would make the whole run quadratic in N. Taken in the order of Inputs, as the filter gave them.
        var index = InputIndex();
        var positions = new List<int>(index.Settings);
        foreach (var path in read)
        {
            if (index.Positions.TryGetValue(path, out var at) && Inputs[at].Kind is not (WorkspaceInputKind.Settings or WorkspaceInputKind.CalibrationTable))
            {
                positions.Add(at);
            }
        }

        positions.Sort();
        return positions.ConvertAll(at => Inputs[at]);
    }

    /// <summary>Each <see cref="Inputs"/> list's index, built once per list (kept beside the record, not in it, so the record's equality is its data's).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<WorkspaceInput>, InputLookup> InputIndexes = [];

    private InputLookup InputIndex() => InputIndexes.GetValue(Inputs, static inputs =>
    {
        var positions = new Dictionary<string, int>(inputs.Count, StringComparer.Ordinal);
        var settings = new List<int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            positions.TryAdd(inputs[i].RelativePath, i);
            if (inputs[i].Kind == WorkspaceInputKind.Settings)
            {
                settings.Add(i);
            }
        }

        return new InputLookup(positions, settings);
    });

    /// <summary>Where each path first stands in <see cref="Inputs"/>, and where the settings inputs stand.</summary>
    private sealed record InputLookup(Dictionary<string, int> Positions, List<int> Settings);

    /// <summary>The calibration tables (CSV inputs) in the folder <paramref name="hardware"/>'s <c>calibrationTables</c> names; empty for embedded tables.</summary>
    public IReadOnlyList<WorkspaceInput> CalibrationInputs(Catalog.HardwareSpec hardware)
    {
        ArgumentNullException.ThrowIfNull(hardware);
        if (hardware.CalibrationTables is not { } folder || WorkspacePaths.RelativeInside(Root, folder) is not { } relative)
        {
            return [];
        }

        var prefix = relative.Length == 0 ? string.Empty : relative + "/";
        return Inputs.Where(i => i.Kind == WorkspaceInputKind.CalibrationTable && i.RelativePath.StartsWith(prefix, StringComparison.Ordinal) && !i.RelativePath[prefix.Length..].Contains('/')).ToList();
    }
}
