using PerfGate.Catalog;
using PerfGate.Prefill;

namespace PerfGate.Tests.Prefill;

public sealed class PrefillStepTimerTests
{
    [Theory]
    [InlineData("deepseek-v3", "h20", 8, EfficiencySource.Seed)]
    [InlineData("deepseek-v3", "h100-sxm", 8, EfficiencySource.Measured)]
    [InlineData("qwq-32b", "h100-sxm", 1, EfficiencySource.Measured)]
    [InlineData("qwen2-57b-a14b", "a100-80g", 2, EfficiencySource.Seed)]
    [InlineData("llama-3-8b", "l20", 1, EfficiencySource.Roofline)]
    public void A_step_timed_from_its_kept_shape_is_the_very_double_the_full_walk_gives(string model, string hardware, int tp, EfficiencySource efficiency)
    {
        // Steps of one shape (tokens, prompts finished) reuse the shape's operator times; only the attention core and
        // MLA's kv_b_proj are timed per step. Every step, whatever came before it, must equal the walk over all its
        // operators (the breakdown path, which keeps nothing), bit for bit.
        var deployment = PrefillEstimatorTests.Deployment(model, hardware, tp, efficiency);
        var timer = new PrefillStepTimer(deployment);
        var random = new Random(7);
        for (var i = 0; i < 400; i++)
        {
            var count = random.Next(1, 5);
            var segments = new List<PrefillSegment>();
            for (var k = 0; k < count; k++)
            {
                // Few distinct token counts, many prefixes: most steps share a shape with an earlier one.
                segments.Add(new PrefillSegment(512 * random.Next(1, 4), random.Next(0, 40) * 1000, random.Next(3) == 0));
            }

            var kept = timer.Time(segments);
            var walked = timer.Time(segments, new PrefillOperatorTotals());
            Assert.Equal(BitConverter.DoubleToInt64Bits(walked), BitConverter.DoubleToInt64Bits(kept));
            Assert.Equal(BitConverter.DoubleToInt64Bits(kept), BitConverter.DoubleToInt64Bits(timer.Time(segments)));
        }
    }
}
