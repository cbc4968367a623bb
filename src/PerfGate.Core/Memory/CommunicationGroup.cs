using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>One communicator a card joins, and what it pins: each HCCL communicator holds 2 x HCCL_BUFFSIZE (send and receive).</summary>
public sealed record CommunicationGroup(string Name, int Ranks, Bytes BufferSize)
{
    public Bytes Pinned => BufferSize * 2;
}
