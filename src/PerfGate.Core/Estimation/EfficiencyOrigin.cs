namespace PerfGate.Estimation;

/// <summary>Where an operator's efficiency (and so its time) came from.</summary>
public enum EfficiencyOrigin : byte
{
    /// <summary>Peak compute and peak memory bandwidth, no correction.</summary>
    Roofline,

    /// <summary>Seed 002: DeepGEMM masked-layout factor by tokens per expert.</summary>
    SeedDeepGemm,

    /// <summary>Seed 002: NVIDIA A100 MFU curve on log2 K (K is the smallest dimension).</summary>
    SeedA100ByK,

    /// <summary>Seed 002: NVIDIA A100 MFU curve on log2 min(M, N).</summary>
    SeedA100ByMN,

    /// <summary>Seed 002: the 289/1979 floor (K &gt; 4096, M or N &gt;= 1536, min(M, N) &gt;= 64).</summary>
    SeedA100Floor,

    /// <summary>Seed 002: FlashMLA shape factor with the FA3 two/three-stage GEMM-softmax overlap.</summary>
    SeedFlashMla,

    /// <summary>Measured GEMM table, at a measured shape (interpolated on m only, exact at table points).</summary>
    MeasuredGemm,

    /// <summary>Measured GEMM table, interpolated across weight shapes (n, k) as well.</summary>
    MeasuredGemmInterpolated,

    /// <summary>Measured decode-attention table (batch, heads, context).</summary>
    MeasuredAttention,

    /// <summary>MLA on measured tables: KV read at measured bandwidth, compute at seed 002's FlashMLA factor.</summary>
    MeasuredBandwidthSeedFlashMla,

    /// <summary>Element-wise: the tables' fixed per-kernel part plus bytes at the measured copy bandwidth (bandwidth.csv).</summary>
    MeasuredBandwidth,

    /// <summary>The fixed per-kernel part plus the roofline at the fractions the H100 tables reach (no tables of its own).</summary>
    AchievedFractions,

    /// <summary>NIC effective bandwidth (seed 002: CX7 40 GiB/s, E810 10 GiB/s).</summary>
    NicBandwidth,

    /// <summary>Intra-node link bandwidth (NVLink/HCCS), ring all-reduce.</summary>
    LinkBandwidth,

    /// <summary>Link bandwidth plus the per-message latency by group size (NCCL's cost model or a measured all_reduce_N row).</summary>
    LinkBandwidthLatency,

    /// <summary>NIC bandwidth plus the per-message latency of a dispatch or combine.</summary>
    NicBandwidthLatency,
}
