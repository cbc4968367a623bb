using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Memory.Engines;

/// <summary>
/// vLLM (memory-budgets.md 3.1): gpu_memory_utilization 0.9 (0.92 on current main), a per-instance fraction of total
/// memory; KV = total x fraction - (weights + activation peak + non-torch memory); block_size 16 on CUDA, 128 on
/// vllm-ascend; V1 keeps one null block out of the pool.
/// </summary>
public sealed class VllmEngine : IEngineConvention
{
    public string Id => "vllm";

    public IReadOnlyList<string> Aliases => [];

    public string Name => "vLLM";

    public string MemoryFractionName => "gpu_memory_utilization";

    public double DefaultMemoryFraction => 0.9;

    public bool ReadsMindieConfig => false;

    public string? MemoryFractionVariable => null;

    public string? CommunicationBufferVariable => null;

    public string HeadroomHint => "lower gpu_memory_utilization";

    public int DefaultBlockSize(bool ascend) => ascend ? 128 : 16;

    public int ReservedBlocks(int dp) => 1;

    public DataType ValueCacheType(DataType kvType, DataType modelType) => kvType;

    public bool PadsKvWidths(bool ascend) => false;

    public IReadOnlyList<CommunicationGroup> CommunicationGroups(ModelSpec model, MemoryParallelism p, Bytes? bufferSize) => NcclGroups.For(model, p, bufferSize);

    /// <summary>floor(total x fraction) - (weights + runtime + communication): the system reserve is outside the fraction.</summary>
    public Bytes KvAvailable(MemorySettingsUsed settings, CardMemory card) =>
        new((long)Math.Floor(card.Capacity.Value * settings.MemoryFraction) - (card.Weights + card.Runtime + card.Communication).Value);

    public string? BlockSizeProblem(int blockSize) => blockSize < 1 ? F($"block size {blockSize} must be 1 or more") : null;

    public string? PrefillTokensProblem(MemoryRequest request, MemorySettingsUsed settings) => null;

    public string LayoutRequirement(string rule) => $"vLLM runs one rank per GPU, so it needs {rule}";

    public string RaiseKvHint(double fractionNeeded) => "raise gpu_memory_utilization or add GPUs";

    public string LowerKvHint(MemoryBudget budget) => "lower gpu_memory_utilization";

    public IEnumerable<Diagnostic> Findings(MemoryRequest request, MemoryBudget budget) => [];

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
