using PerfGate.Catalog;
using PerfGate.Gate;
using PerfGate.Quantities;

namespace PerfGate.Evaluation;

/// <summary>
/// Figures every scenario gets: cards, the model's exact parameter counts and the weight bytes at the
/// scenario's element types (routed experts in <c>dtypes.weights</c>, everything else in
/// <c>dtypes.nonExpertWeights</c>), in total and per card when spread evenly.
/// </summary>
internal static class DeploymentFigures
{
    public static void Add(EvaluationContext c)
    {
        var s = c.Scenario;
        var p = ModelParameters.Compute(c.Model);
        var cards = s.EffectiveCards;
        var expertBytes = p.RoutedExperts * s.Dtypes.Weights.BytesPerElement();
        var otherBytes = p.NonExpert * s.Dtypes.EffectiveNonExpertWeights.BytesPerElement();
        c.Builder
            .Number("deployment.cards", cards)
            .Number("model.parameters", p.Total / 1e9, Units.Billion)
            .Number("model.parameters_activated_per_token", p.ActivatedPerToken / 1e9, Units.Billion)
            .Number("deployment.weights", Units.InGiB(expertBytes + otherBytes), Units.GiB, MetricDirection.LowerIsBetter)
            .Number("deployment.weights_per_card_even", Units.InGiB((expertBytes + otherBytes) / cards), Units.GiB, MetricDirection.LowerIsBetter);
    }
}
