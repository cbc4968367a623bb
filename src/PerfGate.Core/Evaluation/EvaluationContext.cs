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

    public EvaluationRequest Request => request;
    public ScenarioSpec Scenario => request.Scenario;
    public CatalogSet Catalog => request.Catalog;
    public ModelSpec Model => model;
    public HardwareSpec Hardware => hardware;
    public NicSpec? Nic => nic;
    public SnapshotBuilder Builder => builder;

    /// <summary>Errors that made an estimate impossible: the scenario's input is invalid.</summary>
    public List<Diagnostic> InputErrors { get; } = [];

    public IReadOnlyList<Diagnostic> Findings => _findings.Select(f => f.Diagnostic).ToArray();

    public void AddFindings(string source, IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics)
        {
            _findings.Add((source, d));
        }
    }

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
                string.Create(CultureInfo.InvariantCulture, $"{source}.{n}"),
                [SnapshotValue.Of(d.Id), SnapshotValue.Of(d.Severity.ToString().ToLowerInvariant()), SnapshotValue.Of(d.Message)]));
        }

        builder.Table(new SnapshotTable("findings", [new SnapshotColumn("id"), new SnapshotColumn("severity"), new SnapshotColumn("message")], rows));
    }
}
