using System.Globalization;
using PerfGate.Memory;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Memory;

public sealed class MemoryBudgetSvgTests
{
    [Fact]
    public void Seed_003_auto_budget_renders_the_verified_svg()
    {
        var budget = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(-1));
        SnapshotAssert.MatchesInEveryCulture(() => MemoryBudgetSvg.Render(budget, "QwQ-32B on 4 x ascend-910b3, npuMemSize -1"), "seed003-auto", "svg");
    }

    [Fact]
    public void Out_of_memory_bar_rises_above_the_capacity_line()
    {
        // npuMemSize 50 overshoots by 5.49 GiB: the scale follows the total (69.49 GiB), the free segment is empty and the capacity line is red.
        var svg = MemoryBudgetSvg.Render(MemoryBudgetCalculator.Compute(Seed003Tests.Seed(50)), "over");
        Assert.Contains("cards 0-3 free: 0.00 GiB", svg, StringComparison.Ordinal);
        Assert.Contains("total: 69.49 GiB", svg, StringComparison.Ordinal);
        Assert.Contains("stroke=\"#d32f2f\"", svg, StringComparison.Ordinal);
        SnapshotAssert.MatchesInEveryCulture(() => MemoryBudgetSvg.Render(MemoryBudgetCalculator.Compute(Seed003Tests.Seed(50)), "over"), "seed003-npumem50", "svg");
    }

    [Fact]
    public void Identical_cards_are_one_bar_and_verdict_labels_do_not_overlap()
    {
        // Seed 003's four identical 910B3 cards: one bar "cards 0-3", as the console table shows one column.
        var svg = MemoryBudgetSvg.Render(MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8)), "t");
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(svg, "<g id="));
        Assert.Contains(">cards 0-3</text>", svg, StringComparison.Ordinal);
        Assert.Contains(">preemption-risk</text>", svg, StringComparison.Ordinal);

        // Two groups side by side: each label (at most 7.2 px a character at 12 px) stays inside its own slot.
        var budget = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8));
        var split = budget with { PerCard = [budget.PerCard[0], budget.PerCard[1] with { Verdict = MemoryVerdict.Fits }] };
        var centres = System.Text.RegularExpressions.Regex.Matches(MemoryBudgetSvg.Render(split, "t"), "<text x=\"([0-9.]+)\" y=\"[0-9.]+\" text-anchor=\"middle\">(preemption-risk|fits)</text>")
            .Select(m => (X: double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), Width: m.Groups[2].Value.Length * 7.2)).ToList();
        Assert.Equal(2, centres.Count);
        Assert.True(centres[0].X + (centres[0].Width / 2) < centres[1].X - (centres[1].Width / 2), $"labels overlap: {centres[0]} {centres[1]}");
    }

    [Fact]
    public void Output_does_not_depend_on_the_culture()
    {
        var budget = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(35));
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var german = MemoryBudgetSvg.Render(budget, "t & <x>");
            CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
            Assert.Equal(MemoryBudgetSvg.Render(budget, "t & <x>"), german);
            Assert.Contains("t &amp; &lt;x&gt;", german, StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
