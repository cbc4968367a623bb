using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Scenarios;

namespace PerfGate.Memory;

/// <summary>
/// Builds a <see cref="MemoryRequest"/> from a scenario's <c>memory:</c> section, for the gate. When the scenario names a MindIE
/// config.json (<see cref="MemorySettings.MindieConfig"/>), the caller reads it with <see cref="MindieConfigReader"/> and passes
/// it here; keys written in the scenario override the file's. Speculative tokens come from <c>decode.mtp</c>.
/// Findings point at the scenario's keys (<c>memory.npuMemSize</c>, ...), or at the config.json's for keys taken from it.
/// </summary>
public static class ScenarioMemoryMapping
{
    private static readonly string[] Keys =
    [
        "npuMemSize", "memoryFraction", "cacheBlockSize", "maxSeqLen", "maxInputTokenLen", "maxIterTimes",
        "maxPrefillTokens", "maxPrefillBatchSize", "maxBatchSize", "inputTokens", "outputTokens", "communicationBufferSize",
    ];

    public static (MemoryRequest? Request, IReadOnlyList<Diagnostic> Diagnostics) ToRequest(ScenarioSpec scenario, CatalogSet catalog, MindieConfig? mindieConfig = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(catalog);
        var diagnostics = new List<Diagnostic>();
        if (!catalog.Models.TryGetValue(scenario.Model, out var model))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"unknown model '{scenario.Model}'; known: {string.Join(", ", catalog.Models.Keys.Order(StringComparer.Ordinal))}", scenario.LocationOf("model")));
        }

        if (!catalog.Hardware.TryGetValue(scenario.Hardware, out var hardware))
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"unknown hardware '{scenario.Hardware}'; known: {string.Join(", ", catalog.Hardware.Keys.Order(StringComparer.Ordinal))}", scenario.LocationOf("hardware")));
        }

        if (model is null || hardware is null)
        {
            return (null, diagnostics);
        }

        var m = scenario.Memory ?? new MemorySettings();
        var fromFile = mindieConfig is not null && m.Engine.ReadsMindieConfig
            ? MindieConfigMapping.ToRequest(mindieConfig, model, hardware, scenario.Dtypes)
            : null;
        var locations = new Dictionary<string, SourceLocation>(fromFile?.KeyLocations ?? new Dictionary<string, SourceLocation>(), StringComparer.Ordinal);
        foreach (var key in Keys)
        {
            if (scenario.KeyLocations.TryGetValue("memory." + key, out var at))
            {
                locations[key] = at;
            }
        }

        foreach (var (scenarioKey, requestKey) in new[] { ("parallelism.tp", "tp"), ("parallelism.dp", "tp"), ("parallelism.ep", "moe_ep"), ("cards", "worldSize") })
        {
            if (scenario.KeyLocations.TryGetValue(scenarioKey, out var at))
            {
                locations[requestKey] = at;
            }
        }

        var request = new MemoryRequest
        {
            Model = model,
            Hardware = hardware,
            Engine = m.Engine,
            Dtypes = scenario.Dtypes,
            Parallelism = fromFile?.Parallelism ?? MemoryParallelism.From(scenario.Parallelism, scenario.EffectiveCards),
            SpeculativeTokens = scenario.Decode?.Mtp ?? fromFile?.SpeculativeTokens ?? 0,
            NpuMemSize = m.NpuMemSize ?? fromFile?.NpuMemSize,
            MemoryFraction = m.MemoryFraction,
            CacheBlockSize = m.CacheBlockSize ?? fromFile?.CacheBlockSize,
            MaxSeqLen = m.MaxSeqLen ?? fromFile?.MaxSeqLen,
            MaxInputTokenLen = m.MaxInputTokenLen ?? fromFile?.MaxInputTokenLen,
            MaxIterTimes = m.MaxIterTimes ?? fromFile?.MaxIterTimes,
            MaxPrefillTokens = m.MaxPrefillTokens ?? fromFile?.MaxPrefillTokens,
            MaxPrefillBatchSize = m.MaxPrefillBatchSize ?? fromFile?.MaxPrefillBatchSize,
            MaxBatchSize = m.MaxBatchSize ?? fromFile?.MaxBatchSize,
            InputTokens = m.InputTokens,
            OutputTokens = m.OutputTokens,
            CommunicationBufferSize = m.CommunicationBufferSize,
            TemplateType = fromFile?.TemplateType,
            // A finding about a setting the scenario leaves at the engine's default points at its memory section.
            Location = scenario.LocationOf("memory"),
            KeyLocations = locations,
        };
        return (request, diagnostics);
    }
}
