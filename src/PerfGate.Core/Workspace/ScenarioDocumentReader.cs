using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Scenarios;
using PerfGate.Yaml;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Workspace;

/// <summary>
/// Reads a <c>kind: scenario</c> document into a <see cref="ScenarioSpec"/>, recording where every key was
/// written and which catalog ids it names (checked against the catalog by the workspace loader).
/// </summary>
public static partial class ScenarioDocumentReader
{
    /// <summary>
    /// Reads one scenario. <paramref name="resolveFile"/> turns a path written in the scenario (relative to its
    /// folder) into an absolute path, reporting missing or escaping files; null refuses such paths.
    /// <paramref name="resolveReport"/> does the same for <c>measured.report</c>.
    /// </summary>
    public static ScenarioSpec? Read(
        YamlMappingNode root,
        string file,
        ICollection<Diagnostic> diagnostics,
        ICollection<ScenarioReference> references,
        Func<string, SourceLocation, string?>? resolveFile = null,
        Func<string, SourceLocation, string?>? resolveReport = null)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var r = new YamlMappingReader(root, file, diagnostics, "a scenario document");
        r.Declare("kind");
        var id = CatalogDocumentReader.ReadId(r);
        var description = r.String("description");
        var model = Reference(r, "model", CatalogDocumentKind.Model, required: true, references);
        var hardware = Reference(r, "hardware", CatalogDocumentKind.Hardware, required: true, references);
        var nic = Reference(r, "nic", CatalogDocumentKind.Nic, required: false, references);
        var cards = r.Int("cards", min: 1, max: Parallelism.MaxCards);
        var parallelism = ReadParallelism(r);
        var dtypes = ReadDtypes(r);
        var decode = ReadDecode(r);
        var search = ReadSearch(r, references);
        var memory = ReadMemory(r, resolveFile);
        var measured = ReadMeasured(r, resolveReport);
        var prefill = ReadPrefill(r, references);
        r.Complete();

        if (diagnostics.Count(d => d.Severity == Severity.Error) > errors || id is null || model is null || hardware is null)
        {
            return null;
        }

        return new ScenarioSpec
        {
            Id = id,
            Description = description,
            Model = model,
            Hardware = hardware,
            Nic = nic,
            Cards = cards,
            Parallelism = parallelism ?? Parallelism.Single,
            Dtypes = dtypes ?? DtypeSettings.Default,
            Decode = decode,
            Search = search,
            Memory = memory,
            Measured = measured,
            Prefill = prefill,
            Location = new SourceLocation(file, 1, 1),
            KeyLocations = Shared(r.KeyLocations),
        };
    }

    /// <summary>
    /// The scenario's key locations with their dotted keys shared across scenarios: every scenario of a run writes the
    /// same few dozen keys ("decode.batch", "memory.engine", ...), and a check holds every scenario until it ends. At most
    /// <see cref="MaxSharedKeys"/> distinct keys are pooled (a file of made-up keys cannot grow the pool without bound).
    /// </summary>
    private static Dictionary<string, SourceLocation> Shared(IDictionary<string, SourceLocation> locations)
    {
        var shared = new Dictionary<string, SourceLocation>(locations.Count, StringComparer.Ordinal);
        foreach (var (key, at) in locations)
        {
            shared[SharedKeys.TryGetValue(key, out var pooled) ? pooled : SharedKeys.Count < MaxSharedKeys ? SharedKeys.GetOrAdd(key, key) : key] = at;
        }

        return shared;
    }

    private const int MaxSharedKeys = 4096;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> SharedKeys = new(StringComparer.Ordinal);

    private static string? Reference(YamlMappingReader r, string key, CatalogDocumentKind kind, bool required, ICollection<ScenarioReference> references)
    {
        var id = r.String(key, required);
        if (id is not null)
        {
            references.Add(new ScenarioReference(kind, id, r.Qualify(key), r.ValueLocationOf(key)));
        }

        return id;
    }

    private static Parallelism? ReadParallelism(YamlMappingReader root)
    {
        var r = root.Mapping("parallelism");
        if (r is null)
        {
            return null;
        }

        var p = new Parallelism(r.Int("tp", min: 1, max: Parallelism.MaxCards) ?? 1, r.Int("ep", min: 1, max: Parallelism.MaxCards) ?? 1, r.Int("dp", min: 1, max: Parallelism.MaxCards) ?? 1);
        if ((long)p.Tp * p.Dp > Parallelism.MaxCards)
        {
            // Cards default to TP x DP; past the limit that product no longer fits the figures (it wrapped to 0 before).
            r.Report(DiagnosticIds.InvalidValue, string.Create(CultureInfo.InvariantCulture, $"'{r.Qualify("tp")}' x '{r.Qualify("dp")}' is {p.Tp} x {p.Dp} = {(long)p.Tp * p.Dp} cards; a deployment may span at most {Parallelism.MaxCards}"), r.Location);
        }

        r.Complete();
        return p;
    }

    private static DtypeSettings? ReadDtypes(YamlMappingReader root)
    {
        var r = root.Mapping("dtypes");
        if (r is null)
        {
            return null;
        }

        var d = new DtypeSettings(
            r.Enum("weights", ScenarioSpellings.DataTypes) ?? Quantities.DataType.Bf16,
            r.Enum("kv", ScenarioSpellings.DataTypes) ?? Quantities.DataType.Bf16,
            r.Enum("activations", ScenarioSpellings.DataTypes) ?? Quantities.DataType.Bf16,
            r.Enum("nonExpertWeights", ScenarioSpellings.DataTypes));
        r.Complete();
        return d;
    }

    private static string? ReadImplementation(YamlMappingReader r)
    {
        var id = r.String("implementation");
        if (id is not null && Estimation.Implementations.ImplementationProfiles.Find(id) is null)
        {
            r.Report(
                DiagnosticIds.InvalidValue,
                $"'decode.implementation' is '{id}', which is not valid. Valid values: {string.Join(", ", Estimation.Implementations.ImplementationProfiles.All.Select(p => $"'{p.Id}'"))}",
                r.ValueLocationOf("implementation"));
            return null;
        }

        return id is null ? null : Estimation.Implementations.ImplementationProfiles.Find(id)!.Id;
    }

    private static DecodeSettings? ReadDecode(YamlMappingReader root)
    {
        var r = root.Mapping("decode");
        if (r is null)
        {
            return null;
        }

        var defaults = new DecodeSettings();
        var d = new DecodeSettings
        {
            Batch = r.Int("batch", min: 1) ?? defaults.Batch,
            Context = r.Int("context", min: 1) ?? defaults.Context,
            Mtp = r.Int("mtp", min: 0) ?? defaults.Mtp,
            MtpAcceptance = r.Double("mtpAcceptance", min: 0, exclusiveMin: true, max: 1) ?? defaults.MtpAcceptance,
            Pipeline = r.Enum("pipeline", ScenarioSpellings.Pipelines) ?? defaults.Pipeline,
            Efficiency = r.Enum("efficiency", ScenarioSpellings.Efficiencies),
            Implementation = ReadImplementation(r),
            HostOverhead = r.Duration("hostOverhead", allowZero: true),
        };
        r.Complete();
        return d;
    }
}
