using PerfGate.Diagnostics;

namespace PerfGate.Memory;

/// <summary>
/// The memory-relevant part of a MindIE Service config.json (BackendConfig, its ModelDeployConfig with the first
/// ModelConfig entry, and ScheduleConfig). Null: the key is absent and MindIE applies its default.
/// <see cref="KeyLocations"/> maps each key name as MindIE spells it ("npuMemSize", "maxBatchSize", "tp", ...) to where it was written.
/// </summary>
public sealed record MindieConfig
{
    public required string File { get; init; }

    // BackendConfig
    public int? ModelInstanceNumber { get; init; }

    /// <summary>Cards in the first npuDeviceIds list (the first model instance).</summary>
    public int? NpuDeviceCount { get; init; }

    public bool MultiNodesInferEnabled { get; init; }

    // ModelDeployConfig
    public int? MaxSeqLen { get; init; }
    public int? MaxInputTokenLen { get; init; }

    // ModelConfig[0]
    public string? ModelName { get; init; }
    public string? ModelWeightPath { get; init; }
    public string? BackendType { get; init; }
    public int? WorldSize { get; init; }
    public int? NpuMemSize { get; init; }
    public int? CpuMemSize { get; init; }
    public int? Tp { get; init; }
    public int? Dp { get; init; }
    public int? Cp { get; init; }
    public int? Sp { get; init; }
    public int? MoeTp { get; init; }
    public int? MoeEp { get; init; }

    /// <summary>num_speculative_tokens from plugin_params (MTP).</summary>
    public int? SpeculativeTokens { get; init; }

    // ScheduleConfig
    public string? TemplateType { get; init; }
    public int? CacheBlockSize { get; init; }
    public int? MaxPrefillBatchSize { get; init; }
    public int? MaxPrefillTokens { get; init; }
    public int? MaxBatchSize { get; init; }
    public int? MaxIterTimes { get; init; }
    public int? MaxPreemptCount { get; init; }
    public int? MaxQueueDelayMicroseconds { get; init; }

    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

    public SourceLocation LocationOf(string key) => KeyLocations.TryGetValue(key, out var l) ? l : new SourceLocation(File);

    /// <summary>worldSize, MindIE's default 4 when absent.</summary>
    public int EffectiveWorldSize => WorldSize ?? 4;

    /// <summary>Attention tp: the configured value, else worldSize / dp.</summary>
    public int EffectiveTp => Tp is > 0 ? Tp.Value : EffectiveWorldSize / EffectiveDp;

    /// <summary>Attention dp: -1 (the default) means off, i.e. 1.</summary>
    public int EffectiveDp => Dp is > 0 ? Dp.Value : 1;
}
