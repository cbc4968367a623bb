namespace PerfGate.Gate;

/// <summary>
/// A tolerance for the metrics whose key matches <see cref="MetricGlob"/> in the scenarios whose id matches
/// <see cref="ScenarioGlob"/> (globs: <c>*</c> any text, <c>?</c> one character). A numeric change is within
/// tolerance when |new - old| &lt;= max(<see cref="Absolute"/>, <see cref="Relative"/> x |old|), in the metric's
/// own unit; <see cref="Relative"/> is a fraction (0.01 = 1 %). When several rules match, the last one wins.
/// Without a matching rule the comparison is exact (after rounding to the snapshot's significant digits).
/// With <see cref="FailOn"/> <see cref="ToleranceFailOn.Regressions"/>, an improvement beyond the bound passes too
/// (reported with a notice); only a regression fails.
/// </summary>
public sealed record GateTolerance(string ScenarioGlob, string MetricGlob, double Relative = 0, double Absolute = 0, ToleranceFailOn FailOn = ToleranceFailOn.Any)
{
    public bool Allows(double oldValue, double newValue) =>
        Math.Abs(newValue - oldValue) <= Math.Max(Absolute, Relative * Math.Abs(oldValue));

    public bool Matches(string scenarioId, string metricKey) =>
        Syntax.Glob.IsMatch(ScenarioGlob, scenarioId) && Syntax.Glob.IsMatch(MetricGlob, metricKey);

    /// <summary>"rel 1 %, abs 0.5" for reports (invariant).</summary>
    public string Describe()
    {
        var parts = new List<string>(2);
        if (Relative > 0)
        {
            parts.Add("±" + SignificantDigits.Format(Relative * 100) + " %");
        }

        if (Absolute > 0)
        {
            parts.Add("±" + SignificantDigits.Format(Absolute) + " abs");
        }

        var bound = parts.Count == 0 ? "exact" : string.Join(" or ", parts);
        return FailOn == ToleranceFailOn.Regressions ? bound + ", fails on regressions only" : bound;
    }

    /// <summary>The rule that applies: the last match, or null (exact).</summary>
    public static GateTolerance? For(IReadOnlyList<GateTolerance> rules, string scenarioId, string metricKey)
    {
        for (var i = rules.Count - 1; i >= 0; i--)
        {
            if (rules[i].Matches(scenarioId, metricKey))
            {
                return rules[i];
            }
        }

        return null;
    }
}
