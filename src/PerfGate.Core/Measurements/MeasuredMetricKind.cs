namespace PerfGate.Measurements;

/// <summary>The canonical measured metrics every format maps onto (<see cref="MeasuredMetricKinds"/> holds key, unit and direction).</summary>
public enum MeasuredMetricKind
{
    RequestsPerSecond,
    RequestLatency,
    TimeToFirstToken,
    InterTokenLatency,
    TimePerOutputToken,
    OutputTokensPerSecond,
    OutputTokensPerSecondPerUser,
}
