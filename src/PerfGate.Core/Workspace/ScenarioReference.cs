using PerfGate.Catalog;
using PerfGate.Diagnostics;

namespace PerfGate.Workspace;

/// <summary>A catalog id named by a scenario, with where it was written, for the dangling-reference check.</summary>
public sealed record ScenarioReference(CatalogDocumentKind Kind, string Id, string Key, SourceLocation Location);
