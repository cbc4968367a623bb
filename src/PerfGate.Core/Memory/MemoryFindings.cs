using PerfGate.Diagnostics;
using PerfGate.Quantities;
using static PerfGate.Memory.MemoryBudgetCalculator;

namespace PerfGate.Memory;

/// <summary>
/// Turns a computed budget into findings: the verdict (PG4006 does not fit, PG4001 out-of-memory risk, PG4002 preemption
/// risk), worded by the engine, then the engine's own findings (<see cref="Engines.IEngineConvention.Findings"/>).
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
            var need = resident + (kv.BytesPerBlock * (oneLongRequest + s.Engine.ReservedBlocks(r.Parallelism.Dp)));
            var hint = s.NpuMemSizeGiB is null
                ? s.Engine.RaiseKvHint(Math.Ceiling(need.Value * 100.0 / capacity.Value) / 100)
                : F($"raise npuMemSize to at least {Math.Ceiling((double)(kv.BytesPerBlock * (oneLongRequest + 1)).Value / Bytes.GiB):0} GiB");
            yield return Diagnostic.Error(DiagnosticIds.ModelDoesNotFit, F($"only {b.UsableKvBlocks} usable KV block(s) of {kv.BytesPerBlock}, fewer than the {oneLongRequest} one request of maxSeqLen {s.MaxSeqLen} needs; {hint}"), r.LocationOf(kvKey));
        }
        else if (card.Total > capacity)
        {
            var over = card.Total - capacity;
            yield return Diagnostic.Error(DiagnosticIds.OutOfMemoryRisk, F($"card {card.Card} needs {card.Total} (weights {card.Weights.Total} + KV {card.KvCache} + runtime {card.Runtime} + communication {card.Communication} + system {card.System}) but holds {capacity}: over by {over}; {s.Engine.LowerKvHint(b)}"), r.LocationOf(kvKey));
        }
        else if (card.Free < HeadroomMargin)
        {
            yield return Diagnostic.Warning(DiagnosticIds.OutOfMemoryRisk, F($"card {card.Card} keeps only {card.Free} free of {capacity}, less than the {HeadroomMargin} the runtime estimate can be off by; {s.Engine.HeadroomHint}"), r.LocationOf(kvKey));
        }

        if (b.Verdict is MemoryVerdict.PreemptionRisk)
        {
            yield return Diagnostic.Warning(DiagnosticIds.PreemptionRisk, F($"maxBatchSize {s.MaxBatchSize} is above the {b.SafeMaxBatchSize} worst-case requests the {b.UsableKvBlocks} usable KV blocks hold ({b.BlocksPerRequest} blocks each: ceil({s.MaxInputTokenLen}/{kv.BlockSize}) + ceil({Math.Min(s.MaxIterTimes, s.MaxSeqLen - s.MaxInputTokenLen)}/{kv.BlockSize})); long requests will queue or be preempted; set maxBatchSize to {b.SafeMaxBatchSize} or give the KV cache more memory"), r.LocationOf("maxBatchSize"));
        }

        foreach (var d in s.Engine.Findings(r, b))
        {
            yield return d;
        }
    }
}
