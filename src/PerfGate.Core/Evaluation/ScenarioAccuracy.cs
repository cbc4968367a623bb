using PerfGate.Gate;
using PerfGate.Measurements.Accuracy;

namespace PerfGate.Evaluation;

/// <summary>
/// A scenario's estimates against its measured runs (<see cref="EvaluationRequest.Measured"/>), for <c>perfgate accuracy</c>:
/// the same computation as the snapshot's <c>accuracy</c> table, returned as a result instead of snapshot rows.
/// </summary>
public static class ScenarioAccuracy
{
    /// <summary>The accuracy, or null when the scenario has no runs or its catalog references do not resolve (the gate reports those).</summary>
    public static AccuracyResult? Evaluate(EvaluationRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var s = request.Scenario;
        if (request.Measured is not { Count: > 0 } runs
            || !request.Catalog.Models.TryGetValue(s.Model, out var model)
            || !request.Catalog.Hardware.TryGetValue(s.Hardware, out var hardware))
        {
            return null;
        }

        var nic = s.Nic is not null && request.Catalog.Nics.TryGetValue(s.Nic, out var n) ? n : null;
        var context = new EvaluationContext(request, model, hardware, nic, new SnapshotBuilder(s.Id, request.ToolVersion, request.SignificantDigits));
        return AccuracyFigures.Estimate(context, runs);
    }
}
