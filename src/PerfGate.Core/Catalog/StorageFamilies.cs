namespace PerfGate.Catalog;

/// <summary>The storage families, one instance each: the only list a <c>family:</c> spelling is read from.</summary>
public static class StorageFamilies
{
    public static IReadOnlyList<StorageFamily> All { get; } = [new ResidentStorage(), new PerCardLinkStorage(), new SharedStorage()];
}
