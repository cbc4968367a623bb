namespace PerfGate.Catalog;

/// <summary>
/// Each card has its own path to the tier (host memory over the card's PCIe link; a remote store over one NIC per
/// card): every rank moves its own bytes in parallel, so the time is the bytes of one card over the effective rate.
/// </summary>
public sealed class PerCardLinkStorage : StorageFamily
{
    public override string Id => "per-card";

    public override string Description => "one link per card: bytes per card / (bandwidth x efficiency)";

    public override bool MovesBytes => true;

    public override double TransferSeconds(StorageTierSpec tier, double bytesPerCard, int cardsLoading)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return bytesPerCard / tier.EffectiveBytesPerSecond;
    }
}
