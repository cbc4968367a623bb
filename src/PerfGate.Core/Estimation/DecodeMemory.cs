using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>
/// Memory of one card: resident weights, the KV cache per token (all layers, this card's share) and the
/// largest batch per attention-DP rank whose KV cache at the request's context fits next to the weights
/// (capacity minus the hardware's system-reserved memory). Activations and engine workspaces are the
/// memory budget's business, not counted here.
/// </summary>
public sealed record DecodeMemory(
    Bytes Capacity,
    Bytes WeightBytesPerCard,
    Bytes KvBytesPerToken,
    Bytes KvBytesPerSequence,
    Bytes KvBytesAtBatch,
    int MaxBatch)
{
    public bool Fits(int batch) => batch <= MaxBatch;

    /// <summary>False at context 0: no KV cache is held, so memory sets no upper bound on the batch.</summary>
    public bool LimitsBatch => KvBytesPerSequence.Value > 0 || MaxBatch == 0;
}
