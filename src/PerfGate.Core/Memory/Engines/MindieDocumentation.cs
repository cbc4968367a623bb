using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Memory.Engines;

/// <summary>
/// MindIE's findings of its own: the places where its manual and its code disagree (PG4004; the budget follows the code):
/// npuMemSize read as GiB, NPU_MEMORY_FRACTION ignored with a fixed npuMemSize or covering HCCL buffers, and the manual's
/// TotalBlockNum counting attention heads instead of KV heads.
/// </summary>
internal static class MindieDocumentation
{
    public static IEnumerable<Diagnostic> Disagreements(MemoryRequest r, MemoryBudget b)
    {
        var s = b.Settings;
        var kv = b.Kv!;
        if (s.NpuMemSizeGiB is { } gib)
        {
            yield return Diagnostic.Warning(DiagnosticIds.DocumentationDisagreesWithCode, F($"npuMemSize {gib} is read as GiB: the manual says GB, but the code multiplies by 1024^3 ({gib} GiB = {gib * (double)Bytes.GiB / Bytes.GB:0.##} GB); the budget follows the code"), r.LocationOf("npuMemSize"));
            if (r.MemoryFraction is not null)
            {
                yield return Diagnostic.Warning(DiagnosticIds.DocumentationDisagreesWithCode, F($"NPU_MEMORY_FRACTION {s.MemoryFraction} has no effect with a fixed npuMemSize: the code skips the memory check (it logs that it \"does not respect NPU_MEMORY_FRACTION and may OOM\"), while the manual says the fraction bounds weights, KV and workspace"), r.LocationOf("memoryFraction"));
            }
        }
        else if (b.PerCard[0].Communication.Value > 0)
        {
            yield return Diagnostic.Warning(DiagnosticIds.DocumentationDisagreesWithCode, F($"the manual says NPU_MEMORY_FRACTION excludes HCCL buffers, but with npuMemSize -1 the code takes total x {s.MemoryFraction} minus everything resident after warm-up (total - free), so the {b.PerCard[0].Communication} of HCCL buffers come out of the fraction; the budget follows the code"), r.LocationOf("npuMemSize"));
        }

        if (r.Model.Mla is null && r.Model.KeyValueHeads < r.Model.AttentionHeads)
        {
            var docHeads = Math.Max(1, r.Model.AttentionHeads / r.Parallelism.Tp);
            var docBlockBytes = Sharding.BytesOf((long)kv.Layers * kv.BlockSize * docHeads * r.Model.HeadDim * 2, r.Dtypes.Kv);
            var kvBytes = b.KvBlocks * kv.BytesPerBlock.Value;
            yield return Diagnostic.Warning(DiagnosticIds.DocumentationDisagreesWithCode, F($"the manual's TotalBlockNum formula counts {r.Model.AttentionHeads} attention heads / tp = {docHeads} per card ({kvBytes / docBlockBytes} blocks of {new Bytes(docBlockBytes)}), but the code sizes blocks by KV heads: {kv.KvHeadsPerRank} per card ({b.KvBlocks} blocks of {kv.BytesPerBlock}); the budget follows the code"), r.LocationOf("cacheBlockSize"));
        }
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
