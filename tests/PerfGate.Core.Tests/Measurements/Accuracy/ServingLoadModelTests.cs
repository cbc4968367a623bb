using PerfGate.Measurements;
using PerfGate.Measurements.Accuracy;
using PerfGate.Quantities;

namespace PerfGate.Tests.Measurements.Accuracy;

public class ServingLoadModelTests
{
    /// <summary>A step-time curve for hand calculation: t(B) = 10 ms + 1 ms x B.</summary>
    private static Duration Step(int batch) => Duration.FromMilliseconds(10 + batch);

    private static MeasuredWorkload Rate(double rate) => new(LoadMode.Asynchronous, rate, null, 512, 100);

    [Fact]
    public void A_rate_settles_at_the_smallest_batch_littles_law_allows()
    {
        // λ = 2 req/s, 100 output tokens: 2 x 100 x (0.010 + 0.001 B) <= B  <=>  2 + 0.2 B <= B  <=>  B >= 2.5, so B = 3;
        // t(3) = 13 ms; output 3 / 0.013 = 230.769 tokens/s.
        var p = ServingLoadModel.At(Rate(2), 100, 64, Step);
        Assert.Equal(3, p.Batch);
        Assert.Equal(13, p.StepTime.Milliseconds, 9);
        Assert.Equal(230.769, p.OutputTokensPerSecond, 3);
        Assert.False(p.Saturated);
    }

    [Fact]
    public void A_rate_the_largest_batch_cannot_carry_saturates()
    {
        // λ = 10: 10 x 100 x (0.010 + 0.001 B) <= B  <=>  10 + B <= B: never; B = B_max = 16, saturated.
        var p = ServingLoadModel.At(Rate(10), 100, 16, Step);
        Assert.Equal(16, p.Batch);
        Assert.True(p.Saturated);
    }

    [Fact]
    public void Fixed_loads_set_the_batch()
    {
        Assert.Equal(1, ServingLoadModel.At(new MeasuredWorkload(LoadMode.Synchronous, null, 1, 512, 100), 100, 64, Step).Batch);
        var capped = ServingLoadModel.At(new MeasuredWorkload(LoadMode.Concurrency, null, 80, 512, 100), 100, 64, Step);
        Assert.Equal((64, true), (capped.Batch, capped.Saturated));
        Assert.Equal((64, true), ServingLoadModel.At(new MeasuredWorkload(LoadMode.Throughput, null, null, 512, 100), 100, 64, Step) is var t ? (t.Batch, t.Saturated) : default);
    }
}
