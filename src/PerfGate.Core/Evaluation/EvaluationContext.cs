using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Scenarios;

namespace PerfGate.Evaluation;

/// <summary>What each estimate adapter reads (the resolved catalog documents) and writes (figures, findings, input errors).</summary>
internal sealed class EvaluationContext(EvaluationRequest request, ModelSpec model, HardwareSpec hardware, NicSpec? nic, SnapshotBuilder builder)
{
    private readonly List<(string Source, Diagnostic Diagnostic)> _findings = [];
    private FigureSink? _sink;

    public EvaluationRequest Request => request;
    public ScenarioSpec Scenario => request.Scenario;
    public CatalogSet Catalog => request.Catalog;
    public ModelSpec Model => model;
    public HardwareSpec Hardware => hardware;
    public NicSpec? Nic => nic;
    /// <summary>Where figures go; a non-finite number becomes an input error at the scenario file (<see cref="FigureSink"/>).</summary>
    public FigureSink Builder => _sink ??= new FigureSink(builder, (key, value) => InputErrors.Add(FigureSink.NonFiniteError(Scenario, key, value)));

    /// <summary>Hardware whose measured tables from a workspace folder an estimate used: their CSV files are inputs of the scenario.</summary>
    public SortedSet<string> CalibrationUsed { get; } = new(StringComparer.Ordinal);

    /// <summary>What the estimates computed beyond their figures, for reports that draw it (<see cref="ScenarioDetails"/>).</summary>
    public ScenarioDetails Details { get; set; } = ScenarioDetails.None;

    /// <summary>Errors that made an estimate impossible: the scenario's input is invalid.</summary>
    public List<Diagnostic> InputErrors { get; } = [];

    public IReadOnlyList<Diagnostic> Findings => _findings.Select(f => f.Diagnostic).ToArray();

    /// <summary>
    /// Records the errors that made an estimate impossible. An error located in a built-in catalog document
    /// (<see cref="DocumentOrigin.BuiltIn"/>, which the user cannot open or edit) is moved to the scenario's <paramref name="section"/>
    /// key, the line the user wrote, and keeps the original place in its message.
    /// </summary>
    public void AddInputErrors(string section, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics.Where(d => d.Severity == Severity.Error))
        {
            InputErrors.Add(d.Location.Origin is DocumentOrigin.BuiltIn or DocumentOrigin.None
                ? d with
                {
                    Message = $"scenario '{Scenario.Id}': {d.Message}{(d.Location.IsKnown ? $" (from {d.Location.File})" : string.Empty)}",
                    Location = Scenario.LocationOf(section),
                }
                : d);
        }
    }

    public void AddFindings(string source, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            _findings.Add((source, d));
        }
    }

    /// <summary>The findings table's columns (immutable records): one list that every scenario's table holds.</summary>
    private static readonly SnapshotColumn[] FindingsColumns = [new("id"), new("severity"), new("message")];

    /// <summary>The <c>findings</c> table: one row per estimate finding (id, severity, message), in estimate order.</summary>
    public void AddFindingsTable()
    {
        if (_findings.Count == 0)
        {
            return;
        }

        var rows = new List<SnapshotRow>(_findings.Count);
        var counters = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (source, d) in _findings)
        {
            var n = counters[source] = counters.GetValueOrDefault(source) + 1;
            rows.Add(new SnapshotRow(
                SharedStrings.Share(string.Create(CultureInfo.InvariantCulture, $"{source}.{n}")),
                new[] { SnapshotValue.Of(d.Id), SnapshotValue.Of(d.Severity.ToId()), SnapshotValue.Of(d.Message) }));
        }

        Builder.Table(new SnapshotTable("findings", FindingsColumns, rows));
    }
}
