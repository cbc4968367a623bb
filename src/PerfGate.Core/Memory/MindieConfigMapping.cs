using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Memory.Engines;
using PerfGate.Scenarios;

namespace PerfGate.Memory;

/// <summary>Turns a read MindIE config.json into a <see cref="MemoryRequest"/> for a model and a card (MindIE's config names neither precisely).</summary>
public static class MindieConfigMapping
{
    public static MemoryRequest ToRequest(MindieConfig config, ModelSpec model, HardwareSpec hardware, DtypeSettings? dtypes = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var cp = config.Cp is > 1 ? config.Cp.Value : 1;
        var cards = config.Cp is > 1 ? config.EffectiveWorldSize / cp : config.EffectiveWorldSize;
        var locations = new Dictionary<string, SourceLocation>(config.KeyLocations, StringComparer.Ordinal);
        return new MemoryRequest
        {
            Model = model,
            Hardware = hardware,
            Engine = MemoryEngines.MindIE,
            Dtypes = dtypes ?? DtypeSettings.Default,
            Parallelism = new MemoryParallelism(
                cards,
                config.EffectiveTp,
                config.EffectiveDp,
                config.MoeTp is > 0 ? config.MoeTp.Value : 0,
                config.MoeEp is > 0 ? config.MoeEp.Value : 1),
            SpeculativeTokens = config.SpeculativeTokens ?? 0,
            NpuMemSize = config.NpuMemSize,
            CacheBlockSize = config.CacheBlockSize,
            MaxSeqLen = config.MaxSeqLen,
            MaxInputTokenLen = config.MaxInputTokenLen,
            MaxIterTimes = config.MaxIterTimes,
            MaxPrefillTokens = config.MaxPrefillTokens,
            MaxPrefillBatchSize = config.MaxPrefillBatchSize,
            MaxBatchSize = config.MaxBatchSize,
            TemplateType = config.TemplateType,
            Location = new SourceLocation(config.File),
            KeyLocations = locations,
        };
    }
}
