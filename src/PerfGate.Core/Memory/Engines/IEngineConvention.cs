using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Memory.Engines;

/// <summary>
/// One serving engine's memory convention (memory-budgets.md): its defaults, its range checks, how it sizes the KV
/// cache, its findings and the wording of its messages. Every engine is one class implementing this interface and one
/// line in <see cref="MemoryEngines.All"/>; nothing else switches on the engine. A message names only its own engine.
/// </summary>
public interface IEngineConvention
{
    /// <summary>The canonical id in scenario YAML, <c>--engine</c> and every output (snapshots, JSON, tables), e.g. <c>vllm</c>.</summary>
    string Id { get; }

    /// <summary>Other spellings accepted in YAML and on the command line (e.g. <c>trtllm</c>); outputs always use <see cref="Id"/>.</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>The engine's name in messages, e.g. <c>vLLM</c>.</summary>
    string Name { get; }

    /// <summary>The engine's own name of the memory fraction (NPU_MEMORY_FRACTION, gpu_memory_utilization, ...), for messages.</summary>
    string MemoryFractionName { get; }

    /// <summary>The fraction the engine uses when none is set.</summary>
    double DefaultMemoryFraction { get; }

    /// <summary>Tokens per KV block when none is set (<paramref name="ascend"/>: the card is an Ascend NPU).</summary>
    int DefaultBlockSize(bool ascend);

    /// <summary>KV blocks the engine keeps out of the scheduler's pool.</summary>
    int ReservedBlocks(int dp);

    /// <summary>True when the engine reads a fixed KV size in GiB (MindIE's npuMemSize) and a MindIE config.json.</summary>
    bool ReadsMindieConfig { get; }

    /// <summary>The environment variable the engine reads its memory fraction from, or null (read by <c>perfgate memory</c> only).</summary>
    string? MemoryFractionVariable { get; }

    /// <summary>The environment variable of its communication buffer size, or null.</summary>
    string? CommunicationBufferVariable { get; }

    /// <summary>The element type of the V cache for a KV cache of <paramref name="kvType"/> on a model computing in <paramref name="modelType"/>.</summary>
    DataType ValueCacheType(DataType kvType, DataType modelType);

    /// <summary>True when each KV width is padded to 16 elements (the NZ layout).</summary>
    bool PadsKvWidths(bool ascend);

    /// <summary>The communication groups whose buffers are budgeted per card; <paramref name="bufferSize"/> is the user's size for every group.</summary>
    IReadOnlyList<CommunicationGroup> CommunicationGroups(ModelSpec model, MemoryParallelism p, Bytes? bufferSize);

    /// <summary>The bytes the engine gives the KV cache on one card.</summary>
    Bytes KvAvailable(MemorySettingsUsed settings, CardMemory card);

    /// <summary>What is wrong with this block size for the engine, or null when it is fine.</summary>
    string? BlockSizeProblem(int blockSize);

    /// <summary>What is wrong with maxPrefillTokens for the engine (checked once it is in range), or null.</summary>
    string? PrefillTokensProblem(MemoryRequest request, MemorySettingsUsed settings);

    /// <summary>The end of a layout error: why <paramref name="rule"/> (e.g. "tp x dp = worldSize") must hold for this engine.</summary>
    string LayoutRequirement(string rule);

    /// <summary>The advice when the KV cache cannot hold one longest request, given the fraction that would be enough.</summary>
    string RaiseKvHint(double fractionNeeded);

    /// <summary>The advice when a card's total is over its capacity.</summary>
    string LowerKvHint(MemoryBudget budget);

    /// <summary>The advice when a card keeps less free memory than the runtime estimate can be off by.</summary>
    string HeadroomHint { get; }

    /// <summary>Findings only this engine has (e.g. where its manual and its code disagree).</summary>
    IEnumerable<Diagnostic> Findings(MemoryRequest request, MemoryBudget budget);
}
