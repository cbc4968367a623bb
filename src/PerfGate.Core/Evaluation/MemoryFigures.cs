using System.Globalization;
using PerfGate.Gate;
using PerfGate.Memory;
using PerfGate.Workspace;

namespace PerfGate.Evaluation;

/// <summary>
/// The <c>memory:</c> section through <see cref="MemoryBudgetCalculator"/>: the verdict, the tightest card's stack
/// (weights, KV cache, runtime, communication, system; drawn as stacked bars by the Markdown report), free memory,
/// KV blocks and how many requests they hold, the recommended npuMemSize, and a per-card table when cards differ.
/// </summary>
internal static class MemoryFigures
{
    public static void Add(EvaluationContext c)
    {
        var (request, problems) = ScenarioMemoryMapping.ToRequest(c.Scenario, c.Catalog, c.Request.MindieConfig);
        if (request is null)
        {
            c.AddInputErrors("memory", problems);
            return;
        }

        var budget = MemoryBudgetCalculator.Compute(request);
        if (budget.Verdict == MemoryVerdict.InvalidConfig || budget.TightestCard is not { } card)
        {
            c.AddInputErrors("memory", budget.Diagnostics);
            return;
        }

        c.AddFindings("memory", problems.Concat(budget.Diagnostics));
        c.Details = c.Details with { Memory = budget };
        var s = budget.Settings;
        var b = c.Builder;
        b.Label("memory.verdict", budget.Verdict.ToId())
            .Label("memory.engine", s.Engine.Id)
            .Number(WellKnownMetrics.MemoryCapacity, Units.InGiB(card.Capacity), Units.GiB)
            .Number(WellKnownMetrics.MemoryStackPrefix + "weights", Units.InGiB(card.WeightsTotal), Units.GiB)
            .Number(WellKnownMetrics.MemoryStackPrefix + "kv_cache", Units.InGiB(card.KvCache), Units.GiB)
            .Number(WellKnownMetrics.MemoryStackPrefix + "runtime", Units.InGiB(card.Runtime), Units.GiB)
            .Number(WellKnownMetrics.MemoryStackPrefix + "communication", Units.InGiB(card.Communication), Units.GiB)
            .Number(WellKnownMetrics.MemoryStackPrefix + "system", Units.InGiB(card.System), Units.GiB)
            .Number("memory.total", Units.InGiB(card.Total), Units.GiB)
            .Number("memory.free", Units.InGiB(card.Free), Units.GiB)
            .Number("memory.kv_per_block", Units.InKiB(budget.KvBytesPerBlock), Units.KiB, MetricDirection.LowerIsBetter)
            .Number("memory.kv_blocks", budget.KvBlocks, string.Empty, MetricDirection.HigherIsBetter)
            .Number("memory.kv_blocks_usable", budget.UsableKvBlocks, string.Empty, MetricDirection.HigherIsBetter)
            .Number("memory.blocks_per_request", budget.BlocksPerRequest)
            .Number("memory.safe_max_batch_size", budget.SafeMaxBatchSize, string.Empty, MetricDirection.HigherIsBetter)
            .Number("memory.settings.max_batch_size", s.MaxBatchSize)
            .Number("memory.settings.max_seq_len", s.MaxSeqLen)
            .Number("memory.settings.max_prefill_tokens", s.MaxPrefillTokens)
            .Number("memory.settings.cache_block_size", s.CacheBlockSize)
            .Number("memory.settings.memory_fraction", s.MemoryFraction);
        if (budget.TypicalConcurrency is { } typical)
        {
            b.Number("memory.typical_concurrency", typical, string.Empty, MetricDirection.HigherIsBetter);
        }

        if (budget.RecommendedNpuMemSizeGiB is { } npu && s.Engine.ReadsMindieConfig)
        {
            b.Number("memory.recommended_npu_mem_size.total_times_fraction", npu.TotalTimesFraction, Units.GiB)
                .Number("memory.recommended_npu_mem_size.free_times_factor", npu.FreeTimesFactor, Units.GiB);
        }

        if (budget.PerCard.Select(p => (p.WeightsTotal, p.Total)).Distinct().Count() > 1)
        {
            b.Table(new SnapshotTable(
                "memory.cards",
                [new SnapshotColumn("weights", Units.GiB), new SnapshotColumn("total", Units.GiB), new SnapshotColumn("free", Units.GiB), new SnapshotColumn("verdict")],
                budget.PerCard.Select(p => Row("card" + p.Card.ToString(CultureInfo.InvariantCulture), p)).ToArray()));
        }

        SnapshotRow Row(string key, CardBudget p) => new(
            key,
            [
                b.Cell("memory.cards", key, "weights", Units.InGiB(p.WeightsTotal)),
                b.Cell("memory.cards", key, "total", Units.InGiB(p.Total)),
                b.Cell("memory.cards", key, "free", Units.InGiB(p.Free)),
                SnapshotValue.Of(p.Verdict.ToId()),
            ]);
    }
}
