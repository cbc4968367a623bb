namespace PerfGate.Catalog;

public enum CatalogDocumentKind
{
    Hardware,
    Nic,
    Model,
    Storage,
}
