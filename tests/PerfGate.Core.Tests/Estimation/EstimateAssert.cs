using PerfGate.Estimation;

namespace PerfGate.Tests.Estimation;

internal static class EstimateAssert
{
    public static DecodeEstimate Ok(DecodeRequest request)
    {
        var outcome = DecodeEstimator.Estimate(request);
        Assert.True(outcome.Estimate is not null, string.Join("\n", outcome.Diagnostics));
        return outcome.Estimate!;
    }

    public static OperatorEstimate Op(DecodeEstimate estimate, string name, OperatorScope? scope = null) =>
        Assert.Single(estimate.Operators, o => o.Name == name && (scope is null || o.Scope == scope));
}
