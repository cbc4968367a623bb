using PerfGate.Catalog;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Memory;

/// <summary>
/// Communication buffers per card. HCCL pins 2 x HCCL_BUFFSIZE per communicator ("每个通信域占用2*HCCL_BUFFSIZE大小的内存，分别用于收发",
/// CANN environment-variable reference, HCCL_BUFFSIZE). MindIE creates its groups with its own sizes (memory-budgets.md 1.5, [M11]):
/// 128 MiB for the attention TP and DP groups, 64 MiB for moe_tp, 256 MiB for moe_ep. A user HCCL_BUFFSIZE replaces all of them here.
/// Other engines (NCCL): only when a buffer size is given; otherwise their profilers count NCCL memory with the runtime.
/// </summary>
public static class CommunicationBuffers
{
    public static readonly Bytes MindieTpDefault = new(128 * Bytes.MiB);
    public static readonly Bytes MindieMoeTpDefault = new(64 * Bytes.MiB);
    public static readonly Bytes MindieMoeEpDefault = new(256 * Bytes.MiB);

    public static IReadOnlyList<CommunicationGroup> Groups(EngineKind engine, ModelSpec model, MemoryParallelism p, Bytes? bufferSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(p);
        if (engine != EngineKind.MindIE && bufferSize is null)
        {
            return [];
        }

        Bytes Size(Bytes mindieDefault) => bufferSize ?? mindieDefault;
        var groups = new List<CommunicationGroup>();
        if (p.Tp > 1)
        {
            groups.Add(new CommunicationGroup("tp", p.Tp, Size(MindieTpDefault)));
        }

        if (p.Dp > 1)
        {
            groups.Add(new CommunicationGroup("dp", p.Dp, Size(MindieTpDefault)));
        }

        if (model.Moe is not null)
        {
            var moeTp = p.EffectiveMoeTp;
            if (moeTp > 1 && moeTp != p.Tp)
            {
                groups.Add(new CommunicationGroup("moe_tp", moeTp, Size(MindieMoeTpDefault)));
            }

            if (p.MoeEp > 1)
            {
                groups.Add(new CommunicationGroup("moe_ep", p.MoeEp, Size(MindieMoeEpDefault)));
            }
        }

        return groups;
    }

    public static Bytes Total(IReadOnlyList<CommunicationGroup> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return groups.Aggregate(Bytes.Zero, (sum, g) => sum + g.Pinned);
    }
}
