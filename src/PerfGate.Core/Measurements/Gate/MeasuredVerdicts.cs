namespace PerfGate.Measurements.Gate;

/// <summary>The words reports use for <see cref="MeasuredVerdict"/>.</summary>
public static class MeasuredVerdicts
{
    public static string Name(MeasuredVerdict verdict) => verdict switch
    {
        MeasuredVerdict.Regression => "regression",
        MeasuredVerdict.Improvement => "improvement",
        MeasuredVerdict.Unchanged => "unchanged",
        MeasuredVerdict.TooFewRuns => "too few runs",
        MeasuredVerdict.OnlyInBaseline => "only in baseline",
        MeasuredVerdict.OnlyInNew => "only in new",
        _ => throw new ArgumentOutOfRangeException(nameof(verdict), verdict, "unknown verdict"),
    };

    public static string TestName(SignificanceTest test) => test switch
    {
        SignificanceTest.Welch => "welch",
        SignificanceTest.MannWhitney => "mann-whitney",
        _ => throw new ArgumentOutOfRangeException(nameof(test), test, "unknown test"),
    };
}
