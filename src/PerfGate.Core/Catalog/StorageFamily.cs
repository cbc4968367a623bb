namespace PerfGate.Catalog;

/// <summary>
/// How a storage tier turns the KV bytes of a prefix hit into a load time. One type per family, registered in
/// <see cref="StorageFamilies.All"/>; a tier document names its family with <c>family:</c>.
/// </summary>
public abstract class StorageFamily
{
    /// <summary>The <c>family:</c> spelling.</summary>
    public abstract string Id { get; }

    /// <summary>One line for listings and error messages.</summary>
    public abstract string Description { get; }

    /// <summary>Whether a tier of this family must state <c>bandwidth</c> and <c>efficiency</c>.</summary>
    public abstract bool MovesBytes { get; }

    /// <summary>
    /// Seconds to bring <paramref name="bytesPerCard"/> of KV onto each card of the request's replica, excluding the
    /// tier's per-request latency; <paramref name="cardsLoading"/> is how many of those cards need different bytes
    /// (the tensor-parallel ranks, 1 when the KV is replicated as MLA's latent is).
    /// </summary>
    public abstract double TransferSeconds(StorageTierSpec tier, double bytesPerCard, int cardsLoading);

    public override string ToString() => Id;
}
