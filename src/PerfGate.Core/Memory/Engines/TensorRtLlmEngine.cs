using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Memory.Engines;

/// <summary>
/// TensorRT-LLM (memory-budgets.md 3.3): free_gpu_memory_fraction 0.9 of the memory free after the engine, weights and
/// activations are loaded, KV = fraction x (total - resident); tokens_per_block 32; no block kept back. Also spelled
/// <c>trtllm</c>.
/// </summary>
public sealed class TensorRtLlmEngine : IEngineConvention
{
    public string Id => "tensorrt-llm";

    public IReadOnlyList<string> Aliases => ["trtllm"];

    public string Name => "TensorRT-LLM";

    public string MemoryFractionName => "free_gpu_memory_fraction";

    public double DefaultMemoryFraction => 0.9;

    public bool ReadsMindieConfig => false;

    public string? MemoryFractionVariable => null;

    public string? CommunicationBufferVariable => null;

    public string HeadroomHint => "lower free_gpu_memory_fraction";

    public int DefaultBlockSize(bool ascend) => 32;

    public int ReservedBlocks(int dp) => 0;

    public DataType ValueCacheType(DataType kvType, DataType modelType) => kvType;

    public bool PadsKvWidths(bool ascend) => false;

    public IReadOnlyList<CommunicationGroup> CommunicationGroups(ModelSpec model, MemoryParallelism p, Bytes? bufferSize) => NcclGroups.For(model, p, bufferSize);

    public Bytes KvAvailable(MemorySettingsUsed settings, CardMemory card) =>
        new((long)Math.Floor(settings.MemoryFraction * Math.Max(0, (card.Capacity - card.Resident).Value)));

    public string? BlockSizeProblem(int blockSize) => blockSize < 1 ? F($"tokens_per_block {blockSize} must be 1 or more") : null;

    public string? PrefillTokensProblem(MemoryRequest request, MemorySettingsUsed settings) => null;

    public string LayoutRequirement(string rule) => $"TensorRT-LLM runs one rank per GPU, so it needs {rule}";

    public string RaiseKvHint(double fractionNeeded) => "raise free_gpu_memory_fraction or add GPUs";

    public string LowerKvHint(MemoryBudget budget) => "lower free_gpu_memory_fraction";

    public IEnumerable<Diagnostic> Findings(MemoryRequest request, MemoryBudget budget) => [];

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
