namespace PerfGate.Prefill;

/// <summary>How a prefix hit's KV load meets the prefill of the new tokens.</summary>
public enum KvLoadOverlap
{
    /// <summary>Load all the prefix's KV, then compute (TTFT = load + compute).</summary>
    Serial,

    /// <summary>
    /// Layer by layer (LMCache, Mooncake): layer l computes while layer l + 1 loads, so TTFT = the larger of the
    /// two per layer, summed, plus the first layer's load = max(load, compute) + load / layers.
    /// </summary>
    LayerWise,
}
