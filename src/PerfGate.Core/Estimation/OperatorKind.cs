namespace PerfGate.Estimation;

/// <summary>What an operator of the decode step is.</summary>
public enum OperatorKind : byte
{
    /// <summary>A matrix multiply against weights (projections, MLP, router, lm_head).</summary>
    Gemm,

    /// <summary>Routed-expert GEMMs (grouped), the weights of the experts this batch actually hits.</summary>
    ExpertGemm,

    /// <summary>Attention core over the KV cache (flash-decoding for GQA/MHA, FlashMLA for MLA).</summary>
    Attention,

    /// <summary>Norms, rotary embedding, activation, residual adds, KV-cache writes, embedding lookup.</summary>
    Elementwise,

    /// <summary>Tensor-parallel all-reduce over the intra-node link.</summary>
    AllReduce,

    /// <summary>Expert-parallel dispatch or combine over the NIC.</summary>
    AllToAll,
}
