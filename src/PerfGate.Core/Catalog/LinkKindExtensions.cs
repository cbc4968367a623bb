namespace PerfGate.Catalog;

/// <summary>The document spelling of a <see cref="LinkKind"/>, taken from the reader's own table.</summary>
public static class LinkKindExtensions
{
    public static string ToId(this LinkKind kind) =>
        HardwareDocumentReader.Links.First(l => l.Value == kind).Key;
}
