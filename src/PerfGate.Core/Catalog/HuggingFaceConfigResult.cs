using PerfGate.Diagnostics;

namespace PerfGate.Catalog;

/// <summary>A model read from a HuggingFace config.json, or null with the diagnostics that say why not.</summary>
public sealed record HuggingFaceConfigResult(ModelSpec? Model, IReadOnlyList<Diagnostic> Diagnostics);
