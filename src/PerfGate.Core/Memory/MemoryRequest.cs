using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Memory;

/// <summary>
/// Everything the memory budget depends on. Engine settings are named as in MindIE's config.json; a null setting takes the
/// engine's default (<see cref="EngineDefaults"/>). <see cref="KeyLocations"/> maps a setting name ("npuMemSize",
/// "maxBatchSize", ...) to where the user wrote it, so findings point at that line.
/// </summary>
public sealed record MemoryRequest
{
    public required ModelSpec Model { get; init; }
    public required HardwareSpec Hardware { get; init; }
    public required MemoryParallelism Parallelism { get; init; }
    public IEngineConvention Engine { get; init; } = MemoryEngines.MindIE;
    public DtypeSettings Dtypes { get; init; } = DtypeSettings.Default;

    /// <summary>Speculative (MTP) tokens per step; 1 or more adds the MTP layer to the KV cache and the MTP module's weights.</summary>
    public int SpeculativeTokens { get; init; }

    /// <summary>MindIE npuMemSize in GiB (the code multiplies by 1024^3); -1 or null: automatic.</summary>
    public int? NpuMemSize { get; init; }

    /// <summary>NPU_MEMORY_FRACTION / gpu_memory_utilization / mem_fraction_static / free_gpu_memory_fraction.</summary>
    public double? MemoryFraction { get; init; }

    public int? CacheBlockSize { get; init; }
    public int? MaxSeqLen { get; init; }
    public int? MaxInputTokenLen { get; init; }
    public int? MaxIterTimes { get; init; }
    public int? MaxPrefillTokens { get; init; }
    public int? MaxPrefillBatchSize { get; init; }
    public int? MaxBatchSize { get; init; }

    /// <summary>Typical request shape (tokens in, tokens out), for the "how many such requests fit" answer.</summary>
    public int? InputTokens { get; init; }

    public int? OutputTokens { get; init; }

    /// <summary>HCCL_BUFFSIZE for every communicator; null: the engine's own sizes.</summary>
    public Bytes? CommunicationBufferSize { get; init; }

    /// <summary>Overrides the hardware's <see cref="HardwareSpec.SystemReservedMemory"/> (e.g. read from npu-smi at rest).</summary>
    public Bytes? SystemReserved { get; init; }

    /// <summary>Overrides the hardware's <see cref="HardwareSpec.Memory"/>.</summary>
    public Bytes? Capacity { get; init; }

    /// <summary>MindIE templateType: "Mix" (SplitFuse) lifts the maxPrefillTokens &gt;= maxInputTokenLen rule.</summary>
    public string? TemplateType { get; init; }

    /// <summary>Where the request came from (the MindIE config.json or the scenario file).</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    public IReadOnlyDictionary<string, SourceLocation> KeyLocations { get; init; } = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);

    public SourceLocation LocationOf(string key) => KeyLocations.TryGetValue(key, out var l) ? l : Location;
}
