using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using static PerfGate.Memory.MemoryBudgetCalculator;

namespace PerfGate.Memory;

/// <summary>
/// Turns a computed budget into findings: the verdict (PG4006 does not fit, PG4001 out-of-memory risk, PG4002 preemption
/// risk) and, for MindIE, the places where its manual and its code disagree (PG4004; the budget follows the code).
/// </summary>
internal static class MemoryFindings
{
    public static IEnumerable<Diagnostic> For(MemoryRequest r, MemoryBudget b)
    {
        var s = b.Settings;
        var kv = b.Kv!;
        var card = b.TightestCard!;
        var capacity = card.Capacity;
        var resident = card.Weights.Total + card.Runtime + card.Communication + card.System;
        var kvKey = s.NpuMemSizeGiB is null ? "memoryFraction" : "npuMemSize";
        var oneLongRequest = Sharding.CeilDiv(s.MaxSeqLen, kv.BlockSize);

        if (resident >= capacity)
        {
            yield return Diagnostic.Error(DiagnosticIds.ModelDoesNotFit, F($"{r.Model.Id} does not fit on {r.Hardware.Id} with {r.Parallelism.Cards} card(s): weights {card.Weights.Total} + runtime {card.Runtime} + communication {card.Communication} + system {card.System} = {resident} per card, more than its {capacity}; use more cards (worldSize/tp) or quantized weights"), r.LocationOf("worldSize"));
        }
        else if (b.UsableKvBlocks < oneLongRequest)
        {
            var need = resident + (kv.BytesPerBlock * (oneLongRequest + EngineDefaults.ReservedBlocks(s.Engine, r.Parallelism.Dp)));
            var hint = s.NpuMemSizeGiB is null
                ? F($"raise the memory fraction to at least {Math.Ceiling(need.Value * 100.0 / capacity.Value) / 100:0.00} (MindIE fails warm-up: \"num_npu_blocks is negative\" / \"Warmup failed ... increase NPU_MEMORY_FRACTION\") or add cards")
                : F($"raise npuMemSize to at least {Math.Ceiling((double)(kv.BytesPerBlock * (oneLongRequest + 1)).Value / Bytes.GiB):0} GiB");
            yield return Diagnostic.Error(DiagnosticIds.ModelDoesNotFit, F($"only {b.UsableKvBlocks} usable KV block(s) of {kv.BytesPerBlock}, fewer than the {oneLongRequest} one request of maxSeqLen {s.MaxSeqLen} needs; {hint}"), r.LocationOf(kvKey));
        }
        else if (card.Total > capacity)
        {
            var over = card.Total - capacity;
            yield return Diagnostic.Error(DiagnosticIds.OutOfMemoryRisk, F($"card {card.Card} needs {card.Total} (weights {card.Weights.Total} + KV {card.KvCache} + runtime {card.Runtime} + communication {card.Communication} + system {card.System}) but holds {capacity}: over by {over}; {(b.RecommendedNpuMemSizeGiB!.TotalTimesFraction >= 1 ? F($"set npuMemSize to at most {b.RecommendedNpuMemSizeGiB.TotalTimesFraction} or use -1") : "no npuMemSize fits beside the weights, runtime and system; use more cards or quantized weights")}"), r.LocationOf(kvKey));
        }
        else if (card.Free < HeadroomMargin)
        {
            yield return Diagnostic.Warning(DiagnosticIds.OutOfMemoryRisk, F($"card {card.Card} keeps only {card.Free} free of {capacity}, less than the {HeadroomMargin} the runtime estimate can be off by; lower npuMemSize or the memory fraction"), r.LocationOf(kvKey));
        }

        if (b.Verdict is MemoryVerdict.PreemptionRisk)
        {
            yield return Diagnostic.Warning(DiagnosticIds.PreemptionRisk, F($"maxBatchSize {s.MaxBatchSize} is above the {b.SafeMaxBatchSize} worst-case requests the {b.UsableKvBlocks} usable KV blocks hold ({b.BlocksPerRequest} blocks each: ceil({s.MaxInputTokenLen}/{kv.BlockSize}) + ceil({Math.Min(s.MaxIterTimes, s.MaxSeqLen - s.MaxInputTokenLen)}/{kv.BlockSize})); long requests will queue or be preempted; set maxBatchSize to {b.SafeMaxBatchSize} or give the KV cache more memory"), r.LocationOf("maxBatchSize"));
        }

        if (s.Engine == EngineKind.MindIE)
        {
            foreach (var d in DocumentationVersusCode(r, b))
            {
                yield return d;
            }
        }
    }

    private static IEnumerable<Diagnostic> DocumentationVersusCode(MemoryRequest r, MemoryBudget b)
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
}
