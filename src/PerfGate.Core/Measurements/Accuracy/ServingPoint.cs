using PerfGate.Quantities;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// The estimated steady state of a server at one load point: the decode batch (requests decoding together), the
/// decode step time at that batch (= the inter-token latency every one of them sees), the output tokens per second
/// of the whole server, and whether the offered load exceeds what the server can hold (<paramref name="Saturated"/>:
/// the batch is at its limit and a queue grows, so TTFT is no longer a steady-state figure).
/// </summary>
public sealed record ServingPoint(int Batch, Duration StepTime, double OutputTokensPerSecond, bool Saturated);
