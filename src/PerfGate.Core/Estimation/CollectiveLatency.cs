using PerfGate.Catalog;

namespace PerfGate.Estimation;

/// <summary>
/// Per-message latency of a collective by group size, besides its bandwidth term (README, "Collectives").
/// </summary>
/// <remarks>
/// NCCL's own cost model (NVIDIA/nccl <c>src/graph/tuning.cc</c>): a ring all-reduce of a small message in the
/// LL protocol costs <c>baseLat + 2 (n - 1) x hwLat</c>, with baseLat (Ring, LL) = 6.6 us and hwLat (Ring, LL) =
/// 0.6 us per step over NVLink, 1.0 us over PCIe: 7.8 / 10.2 / 15.0 us for 2 / 4 / 8 NVLink cards, 8.6 / 12.6 /
/// 20.6 us over PCIe. HCCL publishes no such model; HCCS takes NCCL's NVLink figures, a stand-in said to be one.
/// An expert-parallel dispatch or combine sends to every peer at once, so it pays baseLat plus one step (over
/// a NIC, NCCL's network step, 0.9 us in the same table's Ring/LL row of the NCCL 2.x revisions that list it).
/// A calibration table's <c>all_reduce_N</c> rows replace the all-reduce figure for that group size.
/// </remarks>
internal static class CollectiveLatency
{
    public const double BaseSeconds = 6.6e-6;
    public const double NvLinkStepSeconds = 0.6e-6;
    public const double PcieStepSeconds = 1.0e-6;
    public const double NetworkStepSeconds = 0.9e-6;

    public static double AllReduceSeconds(int group, LinkKind? link) =>
        group <= 1 ? 0 : BaseSeconds + (2.0 * (group - 1) * Step(link));

    public static double AllToAllSeconds(int group, bool overNic, LinkKind? link) =>
        group <= 1 ? 0 : BaseSeconds + (overNic ? NetworkStepSeconds : Step(link));

    private static double Step(LinkKind? link) => link == LinkKind.Pcie ? PcieStepSeconds : NvLinkStepSeconds;
}
