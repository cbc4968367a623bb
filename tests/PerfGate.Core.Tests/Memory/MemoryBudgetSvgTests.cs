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
        Assert.Contains("card 0 free: 0.00 GiB", svg, StringComparison.Ordinal);
        Assert.Contains("total: 69.49 GiB", svg, StringComparison.Ordinal);
        Assert.Contains("stroke=\"#d32f2f\"", svg, StringComparison.Ordinal);
        SnapshotAssert.MatchesInEveryCulture(() => MemoryBudgetSvg.Render(MemoryBudgetCalculator.Compute(Seed003Tests.Seed(50)), "over"), "seed003-npumem50", "svg");
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
