using PerfGate.Catalog;
using PerfGate.Gate;
using PerfGate.Scenarios;

namespace PerfGate.Evaluation;

/// <summary>One scenario to evaluate, the catalog it refers to, and the input files (with hashes) it was read from.</summary>
public sealed record EvaluationRequest
{
    public required ScenarioSpec Scenario { get; init; }
    public required CatalogSet Catalog { get; init; }
    public IReadOnlyList<InputFileHash> Inputs { get; init; } = [];
    public string ToolVersion { get; init; } = PerfGate.Gate.ToolVersion.Current;
    public int SignificantDigits { get; init; } = PerfGate.Gate.SignificantDigits.Default;

    /// <summary>The MindIE config.json the scenario's <c>memory.mindieConfig</c> names, read by the caller (I/O stays in the front end).</summary>
    public Memory.MindieConfig? MindieConfig { get; init; }

    /// <summary>Absolute workspace root, for catalog references relative to it (measured tables); null: none.</summary>
    public string? WorkspaceRoot { get; init; }
}
