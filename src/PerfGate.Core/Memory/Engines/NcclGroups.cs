using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Memory.Engines;

/// <summary>
/// Communication buffers of the CUDA engines (NCCL): budgeted only when the user gives a buffer size; otherwise their
/// memory profilers count NCCL memory with the runtime (memory-budgets.md 3.1), so nothing is added here.
/// </summary>
internal static class NcclGroups
{
    public static IReadOnlyList<CommunicationGroup> For(ModelSpec model, MemoryParallelism p, Bytes? bufferSize) =>
        bufferSize is { } size ? CommunicationBuffers.Groups(model, p, size, size, size) : [];
}
