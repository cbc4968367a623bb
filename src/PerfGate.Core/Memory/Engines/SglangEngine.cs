using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Memory.Engines;

/// <summary>
/// SGLang (memory-budgets.md 3.2): mem_fraction_static = (weights + KV pool) / capacity, fallback 0.88 of its automatic
/// rule; KV = (total - system - communication) x fraction - weights; page_size 1; no block kept back.
/// </summary>
public sealed class SglangEngine : IEngineConvention
{
    public string Id => "sglang";

    public IReadOnlyList<string> Aliases => [];

    public string Name => "SGLang";

    public string MemoryFractionName => "mem_fraction_static";

    public double DefaultMemoryFraction => 0.88;

    public bool ReadsMindieConfig => false;

    public string? MemoryFractionVariable => null;

    public string? CommunicationBufferVariable => null;

    public string HeadroomHint => "lower mem_fraction_static";

    public int DefaultBlockSize(bool ascend) => 1;

    public int ReservedBlocks(int dp) => 0;

    public DataType ValueCacheType(DataType kvType, DataType modelType) => kvType;

    public bool PadsKvWidths(bool ascend) => false;

    public IReadOnlyList<CommunicationGroup> CommunicationGroups(ModelSpec model, MemoryParallelism p, Bytes? bufferSize) => NcclGroups.For(model, p, bufferSize);

    public Bytes KvAvailable(MemorySettingsUsed settings, CardMemory card) =>
        new((long)Math.Floor((card.Capacity - card.System - card.Communication).Value * settings.MemoryFraction) - card.Weights.Value);

    public string? BlockSizeProblem(int blockSize) => blockSize < 1 ? F($"page size {blockSize} must be 1 or more") : null;

    public string? PrefillTokensProblem(MemoryRequest request, MemorySettingsUsed settings) => null;

    public string LayoutRequirement(string rule) => $"the SGLang budget places one rank per GPU, so it needs {rule}";

    public string RaiseKvHint(double fractionNeeded) => "raise mem_fraction_static or add GPUs";

    public string LowerKvHint(MemoryBudget budget) => "lower mem_fraction_static";

    public IEnumerable<Diagnostic> Findings(MemoryRequest request, MemoryBudget budget) => [];

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
