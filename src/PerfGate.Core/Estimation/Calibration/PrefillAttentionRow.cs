namespace PerfGate.Estimation.Calibration;

/// <summary>
/// One row of attention_prefill.csv: a causal flash-attention forward pass of one sequence of <see cref="Sequence"/>
/// tokens (batch 1, bf16), <see cref="QueryHeads"/> query heads over <see cref="KvHeads"/> KV heads of <see cref="HeadDim"/>.
/// </summary>
public readonly record struct PrefillAttentionRow(int QueryHeads, int KvHeads, int HeadDim, int Sequence, double TimeMicroseconds)
{
    /// <summary>The causal FLOPs of the row: QK^T and PV over the S^2 / 2 scores of each head, 2 x S^2 x heads x head dim.</summary>
    public double Flops => 2.0 * Sequence * Sequence * QueryHeads * HeadDim;
}
