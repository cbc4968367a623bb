using PerfGate.Measurements;
using PerfGate.Measurements.Accuracy;
using PerfGate.Quantities;

namespace PerfGate.Tests.Measurements.Accuracy;

/// <summary>
/// The serving-load model against hand calculations: step time t(B) = 10 ms + 1 ms x B, prefill T_p = 50 ms,
/// N = 101 output tokens (100 from decode steps).
/// </summary>
public class ServingLoadModelTests
{
    private static readonly Duration Prefill = Duration.FromMilliseconds(50);

    private static Duration Step(int batch) => Duration.FromMilliseconds(10 + batch);

    private static MeasuredWorkload Rate(double rate, ArrivalProcess? arrivals) => new(LoadMode.Asynchronous, rate, null, 512, 101) { Arrivals = arrivals };

    [Fact]
    public void A_rate_settles_at_the_smallest_batch_littles_law_allows_with_decode_stretched_by_the_prefills()
    {
        // λ = 2 req/s: ρ = 2 x 0.05 = 0.1. 2 x 100 x (0.010 + 0.001 B) <= 0.9 B  <=>  2 + 0.2 B <= 0.9 B  <=>  B >= 2.857,
        // so B = 3; t(3) = 13 ms; ITL = 13 / 0.9 = 14.444 ms; TTFT = 50 + 13 / 2 = 56.5 ms (evenly spaced arrivals
        // only wait for the step in progress); output = λ N = 202 tokens/s.
        var p = ServingLoadModel.At(Rate(2, ArrivalProcess.Constant), 101, 64, Step, Prefill);
        Assert.Equal(ServingRegime.Holds, p.Regime);
        Assert.Equal(3, p.Batch);
        Assert.Equal(0.1, p.PrefillShare, 12);
        Assert.Equal(13, p.StepTime.Milliseconds, 9);
        Assert.Equal(14.4444, p.Itl!.Value.Milliseconds, 4);
        Assert.Equal(56.5, p.Ttft!.Value.Milliseconds, 9);
        Assert.Equal(202, p.OutputTokensPerSecond!.Value, 9);
        Assert.Null(p.Why);
    }

    [Fact]
    public void Poisson_arrivals_also_wait_for_the_prefills_ahead_of_them()
    {
        // As above plus the priority M/G/1 queue: ρ T_p / (2 (1 - ρ)) = 0.1 x 50 / 1.8 = 2.7778 ms; TTFT = 59.2778 ms.
        // A report that does not say how it spaced its requests is taken as Poisson.
        Assert.Equal(59.2778, ServingLoadModel.At(Rate(2, ArrivalProcess.Poisson), 101, 64, Step, Prefill).Ttft!.Value.Milliseconds, 4);
        Assert.Equal(59.2778, ServingLoadModel.At(Rate(2, null), 101, 64, Step, Prefill).Ttft!.Value.Milliseconds, 4);
    }

    [Fact]
    public void A_rate_whose_prefills_need_all_the_time_does_not_hold()
    {
        // λ = 20: ρ = 20 x 0.05 = 1: no time left to decode, the queue grows; no figure.
        var p = ServingLoadModel.At(Rate(20, ArrivalProcess.Constant), 101, 64, Step, Prefill);
        Assert.Equal(ServingRegime.DoesNotHold, p.Regime);
        Assert.Null(p.Itl);
        Assert.Null(p.Ttft);
        Assert.Contains("ρ ≥ 1", p.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void A_rate_the_largest_batch_cannot_carry_does_not_hold()
    {
        // λ = 10: ρ = 0.5; 10 x 100 x (0.010 + 0.001 B) <= 0.5 B  <=>  10 + B <= 0.5 B: never.
        var p = ServingLoadModel.At(Rate(10, ArrivalProcess.Constant), 101, 16, Step, Prefill);
        Assert.Equal(ServingRegime.DoesNotHold, p.Regime);
        Assert.Null(p.Itl);
        Assert.Contains("B_max = 16", p.Why, StringComparison.Ordinal);
    }

    [Fact]
    public void Synchronous_is_the_prefill_then_one_step_per_token()
    {
        // u = T_p + (N - 1) t(1) = 50 + 100 x 11 = 1150 ms; ITL = 11 ms; TTFT = 50 ms; 101 / 1.15 s = 87.826 tokens/s.
        var p = ServingLoadModel.At(new MeasuredWorkload(LoadMode.Synchronous, null, 1, 512, 101), 101, 64, Step, Prefill);
        Assert.Equal((1, ServingRegime.Holds, 0.0), (p.Batch, p.Regime, p.PrefillShare));
        Assert.Equal(11, p.Itl!.Value.Milliseconds, 9);
        Assert.Equal(50, p.Ttft!.Value.Milliseconds, 9);
        Assert.Equal(87.826, p.OutputTokensPerSecond!.Value, 3);
    }

    [Fact]
    public void Concurrent_clients_stretch_each_others_decode_by_their_prefills()
    {
        // B = 4: t(4) = 14 ms; a = 50 + 7 = 57, b = 3 x 50 = 150, D = 100 x 14 = 1400 (ms).
        // u² - 1607 u + 8550 = 0: u = (1607 + sqrt(2548249)) / 2 = (1607 + 1596.3236) / 2 = 1601.6618 ms;
        // ρ = 150 / 1601.6618 = 0.093653; ITL = 14 / (1 - ρ) = 15.4466 ms (= (u - a) / 100); TTFT = a = 57 ms;
        // output 4 x 101 / 1.6016618 s = 252.238 tokens/s.
        var p = ServingLoadModel.At(new MeasuredWorkload(LoadMode.Concurrency, null, 4, 512, 101), 101, 64, Step, Prefill);
        Assert.Equal((4, ServingRegime.Holds), (p.Batch, p.Regime));
        Assert.Equal(0.093653, p.PrefillShare, 6);
        Assert.Equal(15.4466, p.Itl!.Value.Milliseconds, 4);
        Assert.Equal(57, p.Ttft!.Value.Milliseconds, 9);
        Assert.Equal(252.238, p.OutputTokensPerSecond!.Value, 3);
    }

    [Fact]
    public void More_clients_than_fit_and_throughput_runs_are_saturated_without_a_ttft()
    {
        var capped = ServingLoadModel.At(new MeasuredWorkload(LoadMode.Concurrency, null, 80, 512, 101), 101, 64, Step, Prefill);
        Assert.Equal((64, ServingRegime.Saturated), (capped.Batch, capped.Regime));
        Assert.Null(capped.Ttft);
        Assert.NotNull(capped.Itl);
        var all = ServingLoadModel.At(new MeasuredWorkload(LoadMode.Throughput, null, null, 512, 101), 101, 64, Step, Prefill);
        Assert.Equal((64, ServingRegime.Saturated), (all.Batch, all.Regime));
        Assert.Null(all.Ttft);
        Assert.False(all.Holds);
    }
}
