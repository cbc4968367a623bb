namespace PerfGate.Catalog;

/// <summary>
/// The prefix's KV is still in the card's HBM (a GPU prefix-cache hit): nothing moves, the attention reads it where
/// it is, which the prefill compute already counts. This is how aiconfigurator models every prefix hit
/// (research/prefill-and-reports.md §1.1).
/// </summary>
public sealed class ResidentStorage : StorageFamily
{
    public override string Id => "resident";

    public override string Description => "already in HBM: no transfer";

    public override bool MovesBytes => false;

    public override double TransferSeconds(StorageTierSpec tier, double bytesPerCard, int cardsLoading) => 0;
}
