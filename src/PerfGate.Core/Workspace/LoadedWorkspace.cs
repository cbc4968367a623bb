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
    /// The bytes of every input, by its path relative to the root: read once by the loader, hashed into
    /// <see cref="Inputs"/>, and parsed from here (MindIE configs, calibration tables), never read again.
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
        // scenario would make the whole run quadratic in N.
        var index = InputIndex();
        var inputs = new List<WorkspaceInput>(read.Count + index.Settings.Count);
        inputs.AddRange(index.Settings);
        foreach (var path in read)
        {
            if (index.ByPath.TryGetValue(path, out var input) && input.Kind is not (WorkspaceInputKind.Settings or WorkspaceInputKind.CalibrationTable))
            {
                inputs.Add(input);
            }
        }

        // In the order of Inputs (by path), as the filter over Inputs gave them.
        inputs.Sort((a, b) => index.Order[a.RelativePath].CompareTo(index.Order[b.RelativePath]));
        return inputs;
    }

    /// <summary>Each <see cref="Inputs"/> list's index, built once per list (kept beside the record, not in it, so the record's equality is its data's).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IReadOnlyList<WorkspaceInput>, InputLookup> InputIndexes = [];

    private InputLookup InputIndex() => InputIndexes.GetValue(Inputs, static inputs =>
    {
        var byPath = new Dictionary<string, WorkspaceInput>(inputs.Count, StringComparer.Ordinal);
        var order = new Dictionary<string, int>(inputs.Count, StringComparer.Ordinal);
        var settings = new List<WorkspaceInput>();
        for (var i = 0; i < inputs.Count; i++)
        {
            byPath.TryAdd(inputs[i].RelativePath, inputs[i]);
            order.TryAdd(inputs[i].RelativePath, i);
            if (inputs[i].Kind == WorkspaceInputKind.Settings)
            {
                settings.Add(inputs[i]);
            }
        }

        return new InputLookup(byPath, order, settings);
    });

    private sealed record InputLookup(Dictionary<string, WorkspaceInput> ByPath, Dictionary<string, int> Order, List<WorkspaceInput> Settings);

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
