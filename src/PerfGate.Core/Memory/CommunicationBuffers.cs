using PerfGate.Catalog;
using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>
/// Communication buffers per card. HCCL pins 2 x HCCL_BUFFSIZE per communicator ("每个通信域占用2*HCCL_BUFFSIZE大小的内存，分别用于收发",
/// CANN environment-variable reference, HCCL_BUFFSIZE). MindIE creates its groups with its own sizes (memory-budgets.md 1.5, [M11]):
/// 128 MiB for the attention TP and DP groups, 64 MiB for moe_tp, 256 MiB for moe_ep. A user HCCL_BUFFSIZE replaces all of them here.
/// Which groups an engine budgets, and with which sizes, is its convention (<see cref="Engines.IEngineConvention.CommunicationGroups"/>).
/// </summary>
public static class CommunicationBuffers
{
    public static readonly Bytes MindieTpDefault = new(128 * Bytes.MiB);
    public static readonly Bytes MindieMoeTpDefault = new(64 * Bytes.MiB);
    public static readonly Bytes MindieMoeEpDefault = new(256 * Bytes.MiB);

    /// <summary>The groups of this layout: attention tp and dp, and for a MoE model moe_tp (when it differs from tp) and moe_ep, each with its buffer size.</summary>
    public static IReadOnlyList<CommunicationGroup> Groups(ModelSpec model, MemoryParallelism p, Bytes tpSize, Bytes moeTpSize, Bytes moeEpSize)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(p);
        var groups = new List<CommunicationGroup>();
        if (p.Tp > 1)
        {
            groups.Add(new CommunicationGroup("tp", p.Tp, tpSize));
        }

        if (p.Dp > 1)
        {
            groups.Add(new CommunicationGroup("dp", p.Dp, tpSize));
        }

        if (model.Moe is not null)
        {
            var moeTp = p.EffectiveMoeTp;
            if (moeTp > 1 && moeTp != p.Tp)
            {
                groups.Add(new CommunicationGroup("moe_tp", moeTp, moeTpSize));
            }

            if (p.MoeEp > 1)
            {
                groups.Add(new CommunicationGroup("moe_ep", p.MoeEp, moeEpSize));
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
