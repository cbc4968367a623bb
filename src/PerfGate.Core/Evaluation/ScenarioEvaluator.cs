using PerfGate.Diagnostics;
using PerfGate.Gate;

namespace PerfGate.Evaluation;

/// <summary>
/// The evaluation pipeline (pure): a scenario and the catalog in, its snapshot out, running every estimate
/// whose section the scenario has (<c>decode:</c>, <c>search:</c>, <c>memory:</c>) plus the deployment
/// figures every scenario gets. Deterministic: the same request gives a byte-identical snapshot.
/// An estimate that cannot be computed (invalid input) makes the snapshot null with the errors; an
/// estimate's findings (does not fit, out-of-memory risk, ...) are results and go into the
/// snapshot's <c>findings</c> table.
/// </summary>
public static class ScenarioEvaluator
{
    public static EvaluationResult Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = request.Scenario;
        var catalog = request.Catalog;
        var errors = new List<Diagnostic>();
        var model = Resolve(catalog.Models, s.Model, "model", s, errors);
        var hardware = Resolve(catalog.Hardware, s.Hardware, "hardware", s, errors);
        var nic = s.Nic is null ? null : Resolve(catalog.Nics, s.Nic, "nic", s, errors);
        if (model is null || hardware is null || errors.Count > 0)
        {
            return new EvaluationResult(null, errors);
        }

        // Every scenario, not only those with a decode section: a TP the model cannot be split by is invalid input.
        var parallelism = ScenarioParallelism.Validate(s, model);
        if (parallelism.Count > 0)
        {
            return new EvaluationResult(null, parallelism);
        }

        var builder = new SnapshotBuilder(s.Id, request.ToolVersion, request.SignificantDigits);
        foreach (var input in request.Inputs)
        {
            builder.Input(input.Path, input.Sha256);
        }

        foreach (var (key, value) in ScenarioSettings.Flatten(s, catalog))
        {
            builder.Setting(key, value);
        }

        var context = new EvaluationContext(request, model, hardware, nic, builder);
        DeploymentFigures.Add(context);
        if (s.Decode is not null)
        {
            DecodeFigures.Add(context);
        }

        if (s.Search is not null)
        {
            SearchFigures.Add(context);
        }

        if (s.Memory is not null)
        {
            MemoryFigures.Add(context);
        }

        if (request.Measured is { Count: > 0 })
        {
            AccuracyFigures.Add(context, request.Measured);
        }

        if (s.Prefill is not null)
        {
            PrefillFigures.Add(context);
        }

        if (context.InputErrors.Count > 0)
        {
            return new EvaluationResult(null, context.InputErrors);
        }

        foreach (var id in context.CalibrationUsed)
        {
            foreach (var input in request.CalibrationInputs.GetValueOrDefault(id) ?? [])
            {
                builder.Input(input.Path, input.Sha256);
            }
        }

        context.AddFindingsTable();
        return new EvaluationResult(builder.Build(), context.Findings) { Details = context.Details };
    }

    private static T? Resolve<T>(IReadOnlyDictionary<string, T> documents, string id, string key, Scenarios.ScenarioSpec s, List<Diagnostic> errors)
        where T : class
    {
        if (documents.TryGetValue(id, out var document))
        {
            return document;
        }

        var known = string.Join(", ", documents.Keys.Order(StringComparer.Ordinal));
        errors.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"scenario '{s.Id}': {key} '{id}' is not in the catalog; known: {known}", s.LocationOf(key)));
        return null;
    }
}
