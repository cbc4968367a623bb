using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>One line of the step-time breakdown: an operator's time summed over the layers it runs in.</summary>
public sealed record BreakdownEntry(string Name, OperatorScope Scope, OperatorKind Kind, int Instances, Duration Time, double Share, Bound Bound, EfficiencyOrigin Origin)
{
    /// <summary>
    /// Entries in step order. For the dual micro-batch pipeline the times of MoE-layer operators are their
    /// busy time (per micro-batch x micro-batches); overlap makes the step shorter than their sum.
    /// </summary>
    public static IReadOnlyList<BreakdownEntry> From(DecodeEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        var ops = estimate.Operators;
        var entries = new BreakdownEntry[ops.Count];
        var step = estimate.StepTime.Seconds;
        for (var i = 0; i < ops.Count; i++)
        {
            var op = ops[i];
            var perStep = op.TimePerStep;
            if (op.Scope == OperatorScope.MoeLayer)
            {
                perStep *= estimate.MicroBatches;
            }

            entries[i] = new BreakdownEntry(op.Name, op.Scope, op.Kind, op.Instances, perStep, step > 0 ? perStep.Seconds / step : 0, op.Bound, op.Origin);
        }

        return entries;
    }
}
