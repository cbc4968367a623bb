using System.Globalization;
using PerfGate.Memory;
using PerfGate.Quantities;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PerfGate.Cli.Rendering;

/// <summary>
/// The console view of <c>perfgate memory</c>: one column per group of identical cards, rows for each component in GiB
/// (invariant culture, two decimals), then the KV layout, blocks, requests, recommended npuMemSize and the verdict.
/// </summary>
internal static class MemoryTable
{
    public static void Write(IAnsiConsole console, MemoryBudget budget, MemoryRequest request)
    {
        console.Write(new Text(F($"{request.Model.Id} on {request.Parallelism.Cards} x {request.Hardware.Id} ({request.Engine.Id}, tp {request.Parallelism.Tp}, dp {request.Parallelism.Dp}, moe_ep {request.Parallelism.MoeEp}): {Mode(budget.Settings)}\n")));
        var groups = CardGroup.Of(budget.PerCard);
        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("per card");
        foreach (var g in groups)
        {
            table.AddColumn(new TableColumn(g.Label).RightAligned());
        }

        Row(table, groups, "weights", c => c.Weights.Total);
        Row(table, groups, "KV cache", c => c.KvCache);
        Row(table, groups, "runtime", c => c.Runtime);
        Row(table, groups, "communication", c => c.Communication);
        Row(table, groups, "system", c => c.System);
        Row(table, groups, "total", c => c.Total);
        Row(table, groups, "capacity", c => c.Capacity);
        Row(table, groups, "free", c => c.Free);
        table.AddRow(new IRenderable[] { new Text("verdict") }.Concat(groups.Select(g => (IRenderable)new Text(g.First.Verdict.ToId()))).ToArray());
        console.Write(table);

        var kv = budget.Kv!;
        var s = budget.Settings;
        Line(console, F($"KV layout:          {kv.KvHeadsPerRank} KV head(s) per rank, K {kv.KType.ToId()} / V {kv.VType.ToId()}, {kv.Layers} layers: {kv.BytesPerTokenPerLayer} B per token per layer, {kv.BytesPerToken} B per token, {kv.BytesPerBlock} per block of {kv.BlockSize}"));
        Line(console, F($"KV blocks:          {budget.KvBlocks} ({budget.UsableKvBlocks} usable)"));
        Line(console, F($"per request:        {budget.BlocksPerRequest} blocks worst case (in {s.MaxInputTokenLen}, out {Math.Min(s.MaxIterTimes, s.MaxSeqLen - s.MaxInputTokenLen)})") + (budget.TypicalBlocksPerRequest is { } t ? F($", {t} typical") : string.Empty));
        Line(console, F($"safe maxBatchSize:  {budget.SafeMaxBatchSize} (configured {s.MaxBatchSize})") + (budget.TypicalConcurrency is { } tc ? F($"; {tc} typical requests at once") : string.Empty));
        if (budget.RecommendedNpuMemSizeGiB is { } rec)
        {
            Line(console, "npuMemSize advice:  " + rec.Describe(s.MemoryFraction));
        }

        Line(console, "verdict:            " + budget.Verdict.ToId());
    }

    private static string Mode(MemorySettingsUsed s) => s.NpuMemSizeGiB is { } gib
        ? F($"npuMemSize {gib} GiB")
        : F($"KV from memory fraction {s.MemoryFraction}");

    private static void Row(Table table, IReadOnlyList<CardGroup> groups, string name, Func<CardBudget, Bytes> value)
    {
        var cells = new List<IRenderable> { new Text(name) };
        cells.AddRange(groups.Select(g =>
        {
            var v = value(g.First);
            var pct = 100.0 * v.Value / g.First.Capacity.Value;
            return (IRenderable)new Text(F($"{v.InGiB:0.00} GiB {pct,5:0.0}%"));
        }));
        table.AddRow(cells.ToArray());
    }

    private static void Line(IAnsiConsole console, string text) => console.Write(new Text(text + "\n"));

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
