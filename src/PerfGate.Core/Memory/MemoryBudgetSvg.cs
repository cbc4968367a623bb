using System.Globalization;
using System.Security;
using System.Text;
using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// Renders a budget as an SVG: one stacked bar per group of identical cards (<see cref="CardGroup"/>, as the console table
/// merges them: system, weights, KV cache, runtime, communication, free) against the card's capacity, with a legend giving
/// the tightest card's figures in GiB. Each bar gets a slot wide enough for its labels (12 px sans-serif is at most
/// 7.2 px a character), so verdicts such as "preemption-risk" never run into the next bar's. Pure and deterministic: invariant culture, fixed
/// rounding (0.1 px, 0.01 GiB), no timestamps, LF line ends, so the output can be snapshot-tested.
/// </summary>
public static class MemoryBudgetSvg
{
    private const double BarWidth = 48;
    private const double Gap = 24;
    private const double PlotHeight = 300;
    private const double Left = 64;
    private const double Top = 48;
    private const double LegendWidth = 260;
    private const double CharWidth = 7.2;

    private static readonly (string Name, string Color)[] Segments =
    [
        ("system", "#9e9e9e"),
        ("weights", "#3f51b5"),
        ("kv cache", "#4caf50"),
        ("runtime", "#ff9800"),
        ("communication", "#9c27b0"),
        ("free", "#eeeeee"),
    ];

    /// <summary>The budget of <paramref name="request"/>, titled "model on N x card (engine, npuMemSize or memory fraction)".</summary>
    public static string Render(MemoryBudget budget, MemoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(budget);
        ArgumentNullException.ThrowIfNull(request);
        var mode = budget.Settings.NpuMemSizeGiB is { } gib
            ? string.Create(CultureInfo.InvariantCulture, $"npuMemSize {gib} GiB")
            : string.Create(CultureInfo.InvariantCulture, $"memory fraction {budget.Settings.MemoryFraction}");
        return Render(budget, string.Create(CultureInfo.InvariantCulture, $"{request.Model.Id} on {request.Parallelism.Cards} x {request.Hardware.Id} ({request.Engine.Id}, {mode})"));
    }

    public static string Render(MemoryBudget budget, string title)
    {
        ArgumentNullException.ThrowIfNull(budget);
        var cards = budget.PerCard;
        var groups = CardGroup.Of(cards);
        var longest = groups.Count == 0 ? 0 : groups.Max(g => Math.Max(g.Label.Length, g.First.Verdict.ToId().Length));
        var slot = Math.Max(BarWidth + Gap, Math.Ceiling(longest * CharWidth) + Gap);
        var width = Left + (groups.Count * slot) + Gap + LegendWidth;
        var height = Top + PlotHeight + 56;
        var scaleMax = cards.Count == 0 ? 1 : cards.Max(c => Math.Max(c.Capacity.Value, c.Total.Value));
        var sb = new StringBuilder();
        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0.#}\" height=\"{height:0.#}\" viewBox=\"0 0 {width:0.#} {height:0.#}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        sb.Append(F($"  <rect width=\"{width:0.#}\" height=\"{height:0.#}\" fill=\"#ffffff\"/>\n"));
        sb.Append(F($"  <text x=\"{Left:0.#}\" y=\"24\" font-size=\"14\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        sb.Append(F($"  <text x=\"{Left:0.#}\" y=\"40\">verdict: {budget.Verdict.ToId()}; {budget.KvBlocks} KV blocks, safe maxBatchSize {budget.SafeMaxBatchSize}</text>\n"));
        Axis(sb, scaleMax);
        for (var i = 0; i < groups.Count; i++)
        {
            Bar(sb, groups[i], Left + (Gap / 2) + (i * slot) + ((slot - BarWidth) / 2), scaleMax);
        }

        if (budget.TightestCard is { } tightest)
        {
            Legend(sb, tightest, Left + Gap + (groups.Count * slot) + 8);
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static double Y(long bytes, long scaleMax) => Top + PlotHeight - (PlotHeight * bytes / scaleMax);

    private static void Axis(StringBuilder sb, long scaleMax)
    {
        sb.Append(F($"  <line x1=\"{Left:0.#}\" y1=\"{Top:0.#}\" x2=\"{Left:0.#}\" y2=\"{Top + PlotHeight:0.#}\" stroke=\"#000000\"/>\n"));
        var stepGiB = Math.Max(1, (int)Math.Ceiling(scaleMax / (double)Bytes.GiB / 8 / 8) * 8);
        for (long g = 0; g * Bytes.GiB <= scaleMax; g += stepGiB)
        {
            var y = Y(g * Bytes.GiB, scaleMax);
            sb.Append(F($"  <text x=\"{Left - 6:0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{g} GiB</text>\n"));
            sb.Append(F($"  <line x1=\"{Left - 3:0.#}\" y1=\"{y:0.#}\" x2=\"{Left:0.#}\" y2=\"{y:0.#}\" stroke=\"#000000\"/>\n"));
        }
    }

    private static void Bar(StringBuilder sb, CardGroup group, double x, long scaleMax)
    {
        var c = group.First;
        long[] sizes = [c.System.Value, c.Weights.Total.Value, c.KvCache.Value, c.Runtime.Value, c.Communication.Value, Math.Max(0, c.Free.Value)];
        long bottom = 0;
        sb.Append(F($"  <g id=\"{group.Label.Replace(' ', '-')}\">\n"));
        for (var s = 0; s < Segments.Length; s++)
        {
            var y1 = Y(bottom + sizes[s], scaleMax);
            var h = Y(bottom, scaleMax) - y1;
            sb.Append(F($"    <rect x=\"{x:0.#}\" y=\"{y1:0.#}\" width=\"{BarWidth:0.#}\" height=\"{h:0.#}\" fill=\"{Segments[s].Color}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{group.Label} {Segments[s].Name}: {GiB(sizes[s])} GiB</title></rect>\n"));
            bottom += sizes[s];
        }

        var capY = Y(c.Capacity.Value, scaleMax);
        var over = c.Free.Value < 0 ? " stroke=\"#d32f2f\" stroke-width=\"2\"" : " stroke=\"#000000\"";
        sb.Append(F($"    <line x1=\"{x - 4:0.#}\" y1=\"{capY:0.#}\" x2=\"{x + BarWidth + 4:0.#}\" y2=\"{capY:0.#}\" stroke-dasharray=\"4 2\"{over}/>\n"));
        sb.Append(F($"    <text x=\"{x + (BarWidth / 2):0.#}\" y=\"{Top + PlotHeight + 16:0.#}\" text-anchor=\"middle\">{group.Label}</text>\n"));
        sb.Append(F($"    <text x=\"{x + (BarWidth / 2):0.#}\" y=\"{Top + PlotHeight + 30:0.#}\" text-anchor=\"middle\">{c.Verdict.ToId()}</text>\n"));
        sb.Append("  </g>\n");
    }

    private static void Legend(StringBuilder sb, CardBudget c, double x)
    {
        long[] sizes = [c.System.Value, c.Weights.Total.Value, c.KvCache.Value, c.Runtime.Value, c.Communication.Value, c.Free.Value];
        sb.Append(F($"  <text x=\"{x:0.#}\" y=\"{Top + 10:0.#}\" font-weight=\"bold\">card {c.Card} of {GiB(c.Capacity.Value)} GiB</text>\n"));
        for (var s = Segments.Length - 1; s >= 0; s--)
        {
            var y = Top + 24 + ((Segments.Length - 1 - s) * 20);
            sb.Append(F($"  <rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"12\" height=\"12\" fill=\"{Segments[s].Color}\" stroke=\"#616161\" stroke-width=\"0.5\"/>\n"));
            sb.Append(F($"  <text x=\"{x + 18:0.#}\" y=\"{y + 10:0.#}\">{Segments[s].Name}: {GiB(sizes[s])} GiB</text>\n"));
        }

        sb.Append(F($"  <text x=\"{x:0.#}\" y=\"{Top + 24 + (Segments.Length * 20) + 10:0.#}\">total: {GiB(c.Total.Value)} GiB</text>\n"));
    }

    private static string GiB(long bytes) => (bytes / (double)Bytes.GiB).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
