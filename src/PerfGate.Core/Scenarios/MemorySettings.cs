using PerfGate.Memory.Engines;
using PerfGate.Quantities;

namespace PerfGate.Scenarios;

/// <summary>
/// The <c>memory:</c> section: an engine's memory-related settings, named as in that engine's own
/// config (MindIE's config.json keys in camelCase). Null means "the engine's default".
/// <see cref="MindieConfig"/> may point at a real MindIE config.json instead (written relative to the scenario file,
/// held relative to the workspace root with '/'); keys given here then override it.
/// </summary>
public sealed record MemorySettings
{
    /// <summary>The serving engine whose memory convention applies (<see cref="MemoryEngines"/>).</summary>
    public IEngineConvention Engine { get; init; } = MemoryEngines.MindIE;
    public string? MindieConfig { get; init; }

    /// <summary>MindIE npuMemSize in GiB; -1 means automatic (fraction-based).</summary>
    public int? NpuMemSize { get; init; }

    /// <summary>NPU_MEMORY_FRACTION (MindIE), gpu_memory_utilization (vLLM), mem_fraction_static (SGLang), free_gpu_memory_fraction (TRT-LLM).</summary>
    public double? MemoryFraction { get; init; }

    public int? CacheBlockSize { get; init; }
    public int? MaxSeqLen { get; init; }
    public int? MaxInputTokenLen { get; init; }
    public int? MaxIterTimes { get; init; }
    public int? MaxPrefillTokens { get; init; }
    public int? MaxPrefillBatchSize { get; init; }
    public int? MaxBatchSize { get; init; }

    /// <summary>Expected request shape for the "how many requests fit" answer.</summary>
    public int? InputTokens { get; init; }
    public int? OutputTokens { get; init; }

    /// <summary>HCCL_BUFFSIZE (per communication group); null: the engine default.</summary>
    public Bytes? CommunicationBufferSize { get; init; }
}
