using PerfGate.Memory;
using PerfGate.Quantities;

namespace PerfGate.Tests.Memory;

public sealed class RecommendedNpuMemSizeTests
{
    [Fact]
    public void Old_guide_worked_example_llama_65b_on_8_cards_gives_34()
    {
        // MindIE 1.0.RC1 tuning guide: Floor[(64 - 3 - 130/8 - 2)] * 0.8 = 34 GB (64 total, 3 system, 130 GB of weights on 8 cards,
        // 2 post-processing). (64 - 3 - 16.25 - 2) * 0.8 = 42.75 * 0.8 = 34.2 -> 34 (the guide's own rounding, 42 * 0.8 = 33.6, is inconsistent).
        var r = RecommendedNpuMemSize.Compute(Bytes.FromGiB(64), 0.8, Bytes.FromGiB(130.0 / 8), Bytes.FromGiB(2), Bytes.Zero, Bytes.FromGiB(3));
        Assert.Equal(34, r.FreeTimesFactor);
        // Manual's form on the same figures: 64 * 0.8 - 16.25 - 2 - 3 = 29.95 -> 29.
        Assert.Equal(29, r.TotalTimesFraction);
    }

    [Fact]
    public void Negative_when_the_weights_do_not_fit()
    {
        // 64 * 0.8 - 60 - 1 - 3 = -12.8 -> -13; (64 - 3 - 60 - 1) * 0.8 = 0.
        var r = RecommendedNpuMemSize.Compute(Bytes.FromGiB(64), 0.8, Bytes.FromGiB(60), Bytes.FromGiB(1), Bytes.Zero, Bytes.FromGiB(3));
        Assert.Equal(-13, r.TotalTimesFraction);
        Assert.Equal(0, r.FreeTimesFactor);
        Assert.True(r.NoneFits);
        Assert.Equal("none fits: weights, runtime and system leave no whole GiB for the KV cache (manual: total x 0.8 - weights - runtime - system = -13 GiB); use more cards or quantized weights", r.Describe(0.8));
    }

    [Fact]
    public void A_formula_that_leaves_nothing_says_none_instead_of_a_negative_size()
    {
        // 64 * 0.8 - 48 - 1 - 3 = -0.8 -> -1 (none); (64 - 3 - 48 - 1) * 0.8 = 9.6 -> 9.
        var r = RecommendedNpuMemSize.Compute(Bytes.FromGiB(64), 0.8, Bytes.FromGiB(48), Bytes.FromGiB(1), Bytes.Zero, Bytes.FromGiB(3));
        Assert.False(r.NoneFits);
        Assert.Equal("none (manual: total x 0.8 - weights - runtime - system), 9 GiB (old guide: (free - weights - post-processing) x 0.8)", r.Describe(0.8));
    }
}
