using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Workspace;

namespace PerfGate.Measurements.Gate;

/// <summary>
/// The measured gate's rule from command-line spellings (<c>perfgate measured compare</c>'s --test, --alpha, --floor,
/// --threshold METRIC=PERCENT, --min-runs); every bad value is a PG2014 usage error naming the option and what would be right.
/// </summary>
public static class MeasuredGateOptionsParser
{
    /// <summary>The rule, or null when any value is bad (each reported in <paramref name="problems"/>).</summary>
    public static MeasuredGateOptions? Parse(string test, double alpha, string floor, IEnumerable<string> thresholds, int minRuns, ICollection<Diagnostic> problems)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(floor);
        ArgumentNullException.ThrowIfNull(thresholds);
        ArgumentNullException.ThrowIfNull(problems);
        var before = problems.Count;
        var chosen = MeasuredGatesReader.Tests.FirstOrDefault(t => t.Key == test);
        if (chosen.Key is null)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--test: '{test}' is not a test; use one of {string.Join(", ", MeasuredGatesReader.Tests.Select(t => t.Key))}", SourceLocation.None));
        }

        if (!(alpha > 0 && alpha < 1))
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"--alpha: {alpha} must be between 0 and 1, e.g. 0.05 or 0.01"), SourceLocation.None));
        }

        if (minRuns < 1)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"--min-runs: {minRuns} must be at least 1"), SourceLocation.None));
        }

        var defaultFloor = Percent(floor, "--floor", problems);
        var floors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in thresholds)
        {
            var parts = t.Split('=', 2);
            var metric = parts[0].Trim();
            var kind = metric.Split('.')[0];
            if (parts.Length != 2 || MeasuredMetricKinds.ByKey(kind) is null)
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--threshold: '{t}' is not METRIC=PERCENT with METRIC one of {string.Join(", ", MeasuredMetricKinds.All.Select(k => k.Key))} (optionally .STATISTIC), e.g. ttft.p99=20%", SourceLocation.None));
                continue;
            }

            if (Percent(parts[1], "--threshold " + metric, problems) is { } value)
            {
                floors[metric] = value;
            }
        }

        return problems.Count > before ? null : new MeasuredGateOptions(chosen.Value, alpha, defaultFloor!.Value, minRuns, floors);
    }

    private static double? Percent(string text, string option, ICollection<Diagnostic> problems)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%') && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p >= 0 && double.IsFinite(p))
        {
            return p / 100;
        }

        problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option}: '{text}' is not a percentage; write e.g. 5% (a relative change, '.' as the decimal separator)", SourceLocation.None));
        return null;
    }
}
