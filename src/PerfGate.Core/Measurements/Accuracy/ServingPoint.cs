using PerfGate.Quantities;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// The estimated state of a server at one load point (<see cref="ServingLoadModel"/>): the decode batch (requests
/// decoding together), the decode step time at that batch, the share ρ of the server's time spent on prefills, the
/// inter-token latency a request sees (decode steps stretched by the prefills between them), the time to first
/// token, the output tokens per second and the regime. <see cref="Itl"/>, <see cref="Ttft"/> and
/// <see cref="OutputTokensPerSecond"/> are null where the model gives no figure; <see cref="Why"/> says why it
/// does not hold.
/// </summary>
public sealed record ServingPoint(int Batch, Duration StepTime, double PrefillShare, Duration? Itl, Duration? Ttft, double? OutputTokensPerSecond, ServingRegime Regime)
{
    /// <summary>Why the model does not hold (or runs saturated) at this point; null when it holds.</summary>
    public string? Why { get; init; }

    /// <summary>The steady-state model holds: the row counts in the MAPE.</summary>
    public bool Holds => Regime == ServingRegime.Holds;
}
