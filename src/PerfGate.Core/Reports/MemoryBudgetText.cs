using System.Globalization;
using PerfGate.Memory;
using PerfGate.Quantities;

namespace PerfGate.Reports;

/// <summary>
/// A memory budget for a person to read: a headline (model, cards, engine, degrees, memory mode), one column per group
/// of identical cards with each component in GiB and its share of the card (two decimals), the verdict row, then the
/// KV layout, blocks, requests, recommended npuMemSize and verdict lines. Invariant culture.
/// </summary>
public static class MemoryBudgetText
{
    public static string Headline(MemoryBudget budget, MemoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(request);
        var (p, s) = (request.Parallelism, budget.Settings);
        var mode = s.NpuMemSizeGiB is { } gib ? F($"npuMemSize {gib} GiB") : F($"KV from memory fraction {s.MemoryFraction}");
        return F($"{request.Model.Id} on {p.Cards} x {request.Hardware.Id} ({request.Engine.Id}, tp {p.Tp}, dp {p.Dp}, moe_ep {p.MoeEp}): {mode}");
    }

    /// <summary>The first column names the component; the others are the card groups (<see cref="CardGroup"/>).</summary>
    public static TextTable Table(MemoryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var groups = CardGroup.Of(budget.PerCard);
        IReadOnlyList<string> Row(string name, Func<CardBudget, Bytes> value) =>
            [name, .. groups.Select(g => F($"{value(g.First).InGiB:0.00} GiB {100.0 * value(g.First).Value / g.First.Capacity.Value,5:0.0}%"))];
        return new TextTable(
            null,
            ["per card", .. groups.Select(g => g.Label)],
            [
                Row("weights", c => c.Weights.Total),
                Row("KV cache", c => c.KvCache),
                Row("runtime", c => c.Runtime),
                Row("communication", c => c.Communication),
                Row("system", c => c.System),
                Row("total", c => c.Total),
                Row("capacity", c => c.Capacity),
                Row("free", c => c.Free),
                ["verdict", .. groups.Select(g => g.First.Verdict.ToId())],
            ]);
    }

    /// <summary>The lines after the table; the budget has a KV layout (cards were budgeted).</summary>
    public static IReadOnlyList<string> Lines(MemoryBudget budget)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var (kv, s) = (budget.Kv!, budget.Settings);
        var lines = new List<string>
        {
            F($"KV layout:          {kv.KvHeadsPerRank} KV head(s) per rank, K {kv.KType.ToId()} / V {kv.VType.ToId()}, {kv.Layers} layers: {kv.BytesPerTokenPerLayer} B per token per layer, {kv.BytesPerToken} B per token, {kv.BytesPerBlock} per block of {kv.BlockSize}"),
            F($"KV blocks:          {budget.KvBlocks} ({budget.UsableKvBlocks} usable)"),
            F($"per request:        {budget.BlocksPerRequest} blocks worst case (in {s.MaxInputTokenLen}, out {Math.Min(s.MaxIterTimes, s.MaxSeqLen - s.MaxInputTokenLen)})") + (budget.TypicalBlocksPerRequest is { } t ? F($", {t} typical") : string.Empty),
            F($"safe maxBatchSize:  {budget.SafeMaxBatchSize} (configured {s.MaxBatchSize})") + (budget.TypicalConcurrency is { } tc ? F($"; {tc} typical requests at once") : string.Empty),
        };
        if (budget.RecommendedNpuMemSizeGiB is { } rec)
        {
            lines.Add("npuMemSize advice:  " + rec.Describe(s.MemoryFraction));
        }

        lines.Add("verdict:            " + budget.Verdict.ToId());
        return lines;
    }

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
