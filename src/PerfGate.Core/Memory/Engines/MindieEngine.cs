using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Memory.Engines;

/// <summary>
/// MindIE Service / MindIE-LLM (memory-budgets.md section 1): NPU_MEMORY_FRACTION 0.8 (mindie_llm/utils/env.py);
/// cacheBlockSize 128 in [1, 128], a multiple of 16 (ATB PagedAttention); npuMemSize &gt; 0 fixes the KV cache in GiB,
/// -1 sizes it as total x fraction - everything resident after warm-up (generator.warm_up); one dummy block kept back
/// (one more with DP); int8 KV quantizes K only; the NZ layout pads widths to 16 elements on Ascend; HCCL groups with
/// MindIE's own buffer sizes (<see cref="CommunicationBuffers"/>).
/// </summary>
public sealed class MindieEngine : IEngineConvention
{
    /// <summary>MindIE-LLM's NPU_MEMORY_FRACTION default (mindie_llm/utils/env.py).</summary>
    public const double MemoryFraction = 0.8;

    public string Id => "mindie";

    public IReadOnlyList<string> Aliases => [];

    public string Name => "MindIE";

    public string MemoryFractionName => "NPU_MEMORY_FRACTION";

    public double DefaultMemoryFraction => MemoryFraction;

    public bool ReadsMindieConfig => true;

    public string? MemoryFractionVariable => "NPU_MEMORY_FRACTION";

    public string? CommunicationBufferVariable => "HCCL_BUFFSIZE";

    public string HeadroomHint => "lower npuMemSize or the memory fraction";

    public int DefaultBlockSize(bool ascend) => 128;

    /// <summary>MindIE hands the scheduler num_npu_blocks - 1 (one dummy block), one more with DP.</summary>
    public int ReservedBlocks(int dp) => dp > 1 ? 2 : 1;

    public DataType ValueCacheType(DataType kvType, DataType modelType) => kvType == DataType.Int8 ? modelType : kvType;

    public bool PadsKvWidths(bool ascend) => ascend;

    public IReadOnlyList<CommunicationGroup> CommunicationGroups(ModelSpec model, MemoryParallelism p, Bytes? bufferSize) =>
        CommunicationBuffers.Groups(
            model,
            p,
            bufferSize ?? CommunicationBuffers.MindieTpDefault,
            bufferSize ?? CommunicationBuffers.MindieMoeTpDefault,
            bufferSize ?? CommunicationBuffers.MindieMoeEpDefault);

    /// <summary>npuMemSize GiB when fixed (the fraction is ignored), else floor(total x fraction) - resident.</summary>
    public Bytes KvAvailable(MemorySettingsUsed settings, CardMemory card) => settings.NpuMemSizeGiB is { } gib
        ? new Bytes(gib * Bytes.GiB)
        : new Bytes((long)Math.Floor(card.Capacity.Value * settings.MemoryFraction) - card.Resident.Value);

    public string? BlockSizeProblem(int blockSize) => blockSize switch
    {
        < 1 or > 128 => F($"cacheBlockSize {blockSize} is out of MindIE's range [1, 128]; use 128 (the default)"),
        _ when blockSize % 16 != 0 => F($"cacheBlockSize {blockSize} is not a multiple of 16, which ATB PagedAttention requires; use 16, 32, 64 or 128"),
        _ => null,
    };

    public string? PrefillTokensProblem(MemoryRequest request, MemorySettingsUsed settings)
    {
        var input = request.MaxInputTokenLen ?? EngineDefaults.MaxInputTokenLen;
        return !string.Equals(request.TemplateType, "Mix", StringComparison.Ordinal) && settings.MaxPrefillTokens < input
            ? F($"maxPrefillTokens {settings.MaxPrefillTokens} is less than maxInputTokenLen {input}; MindIE requires maxPrefillTokens >= maxInputTokenLen unless templateType is \"Mix\"")
            : null;
    }

    public string LayoutRequirement(string rule) => $"MindIE requires {rule}";

    public string RaiseKvHint(double fractionNeeded) =>
        F($"raise the memory fraction to at least {fractionNeeded:0.00} (MindIE fails warm-up: \"num_npu_blocks is negative\" / \"Warmup failed ... increase NPU_MEMORY_FRACTION\") or add cards");

    public string LowerKvHint(MemoryBudget budget) => budget.RecommendedNpuMemSizeGiB!.TotalTimesFraction >= 1
        ? F($"set npuMemSize to at most {budget.RecommendedNpuMemSizeGiB.TotalTimesFraction} or use -1")
        : "no npuMemSize fits beside the weights, runtime and system; use more cards or quantized weights";

    public IEnumerable<Diagnostic> Findings(MemoryRequest request, MemoryBudget budget) => MindieDocumentation.Disagreements(request, budget);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
