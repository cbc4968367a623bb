using PerfGate.Memory;
using PerfGate.Reports;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Reports;

/// <summary>The text view of a memory budget: headline modes, one column per card group, the lines after the table.</summary>
public sealed class MemoryBudgetTextTests
{
    private static MemoryAnswer Answer(MemoryArguments arguments) => MemoryRun.Answer(arguments, new InMemoryFileSystem(), "/cwd", _ => null);

    [Fact]
    public void The_headline_gives_the_deployment_and_the_memory_mode()
    {
        var byFraction = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", Cards = 4 });
        var bySize = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", Cards = 4, NpuMemSize = 20 });

        Assert.Equal("qwq-32b on 4 x ascend-910b3 (mindie, tp 4, dp 1, moe_ep 1): KV from memory fraction 0.8", MemoryBudgetText.Headline(byFraction.Budget!, byFraction.Request!));
        Assert.EndsWith("): npuMemSize 20 GiB", MemoryBudgetText.Headline(bySize.Budget!, bySize.Request!), StringComparison.Ordinal);
    }

    [Fact]
    public void Each_component_is_a_row_in_gib_with_its_share_of_the_card_and_the_verdict_last()
    {
        var answer = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", Cards = 4 });

        var table = MemoryBudgetText.Table(answer.Budget!);

        Assert.Equal(["per card", .. CardGroup.Of(answer.Budget!.PerCard).Select(g => g.Label)], table.Columns);
        Assert.Equal(["weights", "KV cache", "runtime", "communication", "system", "total", "capacity", "free", "verdict"], table.Rows.Select(r => r[0]));
        Assert.Matches(@"^\d+\.\d{2} GiB 100\.0%$", table.Rows[6][1]);
        Assert.Equal(answer.Budget.Verdict.ToId(), table.Rows[^1][1]);
    }

    [Fact]
    public void The_lines_end_with_the_verdict_and_give_advice_only_when_there_is_some()
    {
        var answer = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", Cards = 4, InputTokens = 60, OutputTokens = 512 });

        var lines = MemoryBudgetText.Lines(answer.Budget!);

        Assert.StartsWith("KV layout:          ", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("KV blocks:          ", lines[1], StringComparison.Ordinal);
        Assert.Contains(" typical", lines[2], StringComparison.Ordinal);
        Assert.Contains(" typical requests at once", lines[3], StringComparison.Ordinal);
        Assert.Equal("verdict:            " + answer.Budget!.Verdict.ToId(), lines[^1]);
        Assert.Equal(answer.Budget.RecommendedNpuMemSizeGiB is null ? 5 : 6, lines.Count);
        Assert.DoesNotContain(" typical", MemoryBudgetText.Lines(Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", Cards = 4 }).Budget!)[2], StringComparison.Ordinal);
    }
}
