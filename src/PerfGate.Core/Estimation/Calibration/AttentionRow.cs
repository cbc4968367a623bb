namespace PerfGate.Estimation.Calibration;

/// <summary>One row of attention_decode.csv (one query token per sequence, bf16 KV cache).</summary>
public readonly record struct AttentionRow(int Batch, int QueryHeads, int KvHeads, int HeadDim, int Context, double TimeMicroseconds);
