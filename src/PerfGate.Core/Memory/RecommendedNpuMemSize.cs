using System.Globalization;
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

    /// <summary>True when neither formula leaves a whole GiB for the KV cache: no npuMemSize fits.</summary>
    public bool NoneFits => TotalTimesFraction < 1 && FreeTimesFactor < 1;

    /// <summary>The advice as a person reads it: a size per formula, or "none fits" instead of a negative size.</summary>
    public string Describe(double fraction)
    {
        if (NoneFits)
        {
            return string.Create(CultureInfo.InvariantCulture, $"none fits: weights, runtime and system leave no whole GiB for the KV cache (manual: total x {fraction} - weights - runtime - system = {TotalTimesFraction} GiB); use more cards or quantized weights");
        }

        return string.Create(CultureInfo.InvariantCulture, $"{Size(TotalTimesFraction)} (manual: total x {fraction} - weights - runtime - system), {Size(FreeTimesFactor)} (old guide: (free - weights - post-processing) x 0.8)");
    }

    private static string Size(int gib) => gib >= 1 ? string.Create(CultureInfo.InvariantCulture, $"{gib} GiB") : "none";

    private static int FloorGiB(double bytes) => (int)Math.Floor(bytes / Bytes.GiB);
}
