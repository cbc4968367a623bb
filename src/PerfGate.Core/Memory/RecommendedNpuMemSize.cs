using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// npuMemSize (GiB, an integer) by MindIE's two documented formulas, for the card with the most weights:
/// <list type="bullet">
/// <item><see cref="TotalTimesFraction"/>: current manual (service_parameter_configuration.md):
/// floor(total x NPU_MEMORY_FRACTION - weights - runtime - system); HCCL buffers are counted with the runtime, as the code measures them.</item>
/// <item><see cref="FreeTimesFactor"/>: the older tuning guide (1.0.RC1 .. 2.0.RC1) and seed 003:
/// floor((total free - weights/cards - post-processing) x 0.8), free = total - system, post-processing = runtime + HCCL buffers.</item>
/// </list>
/// Either is negative when the model does not fit.
/// </summary>
public sealed record RecommendedNpuMemSize(int TotalTimesFraction, int FreeTimesFactor)
{
    public static RecommendedNpuMemSize Compute(Bytes capacity, double fraction, Bytes weights, Bytes runtime, Bytes communication, Bytes system)
    {
        var manual = (capacity.Value * fraction) - weights.Value - runtime.Value - communication.Value - system.Value;
        var guide = (capacity - system - weights - runtime - communication).Value * EngineDefaults.LegacyGuideFactor;
        return new RecommendedNpuMemSize(FloorGiB(manual), FloorGiB(guide));
    }

    private static int FloorGiB(double bytes) => (int)Math.Floor(bytes / Bytes.GiB);
}
