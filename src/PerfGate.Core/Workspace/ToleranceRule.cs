using PerfGate.Diagnostics;

namespace PerfGate.Workspace;

/// <summary>
/// One <c>tolerances:</c> rule of perfgate.yaml: metrics matching <see cref="Metric"/> in scenarios matching
/// <see cref="Scenario"/> may move by <see cref="Relative"/> (a fraction: 0.005 is 0.5%) and/or
/// <see cref="Absolute"/> (in the metric's own unit) without counting as drift. Later rules win.
/// </summary>
public sealed record ToleranceRule(string Scenario, string Metric, double? Relative, double? Absolute, SourceLocation Location, Gate.ToleranceFailOn FailOn = Gate.ToleranceFailOn.Any)
{
    public bool Matches(string scenarioId, string metric) =>
        Syntax.Glob.IsMatch(Scenario, scenarioId) && Syntax.Glob.IsMatch(Metric, metric);
}
