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

    /// <summary>
    /// The CSV files of each folder in <see cref="Calibration"/>, by hardware id: recorded as inputs only when an estimate
    /// uses that hardware's measured tables, so a scenario's inputs are exactly the files it read.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<InputFileHash>> CalibrationInputs { get; init; } =
        new Dictionary<string, IReadOnlyList<InputFileHash>>(StringComparer.Ordinal);
    public string ToolVersion { get; init; } = PerfGate.Gate.ToolVersion.Current;
    public int SignificantDigits { get; init; } = PerfGate.Gate.SignificantDigits.Default;

    /// <summary>The MindIE config.json the scenario's <c>memory.mindieConfig</c> names, read by the caller (I/O stays in the front end).</summary>
    public Memory.MindieConfig? MindieConfig { get; init; }

    /// <summary>The measured runs the scenario's <c>measured:</c> section selects, read by the caller (see <see cref="Measurements.ScenarioMeasuredRuns"/>).</summary>
    public IReadOnlyList<Measurements.MeasuredRun>? Measured { get; init; }

    /// <summary>
    /// Measured tables read from folders (hardware documents with <c>calibrationTables: some/folder</c>), by
    /// hardware id; the front end reads them. Embedded tables (<c>embedded:NAME</c>) need no entry.
    /// </summary>
    public IReadOnlyDictionary<string, Estimation.Calibration.CalibrationTables> Calibration { get; init; } =
        new Dictionary<string, Estimation.Calibration.CalibrationTables>(StringComparer.Ordinal);
}
