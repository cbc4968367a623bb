using PerfGate.Diagnostics;

namespace PerfGate.Catalog;

/// <summary>One catalog document read from YAML: exactly one of the specs is set, matching <see cref="Kind"/>.</summary>
public sealed record CatalogDocument(
    CatalogDocumentKind Kind,
    string Id,
    SourceLocation Location,
    HardwareSpec? Hardware = null,
    NicSpec? Nic = null,
    ModelSpec? Model = null,
    StorageTierSpec? Storage = null);
