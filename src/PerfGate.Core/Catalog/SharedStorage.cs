namespace PerfGate.Catalog;

/// <summary>
/// One device serves all the cards that load at once (a node's local NVMe): the ranks' distinct bytes queue on it, so
/// the time is bytes per card x cards needing different bytes over the effective rate.
/// </summary>
public sealed class SharedStorage : StorageFamily
{
    public override string Id => "shared";

    public override string Description => "one device for the loading ranks: bytes per card x ranks / (bandwidth x efficiency)";

    public override bool MovesBytes => true;

    public override double TransferSeconds(StorageTierSpec tier, double bytesPerCard, int cardsLoading)
    {
        ArgumentNullException.ThrowIfNull(tier);
        return bytesPerCard * Math.Max(1, cardsLoading) / tier.EffectiveBytesPerSecond;
    }
}
