using System.Globalization;
using System.Text.RegularExpressions;
using PerfGate.Syntax;

namespace PerfGate.Measurements.Formats;

/// <summary>
/// The flat summaries of vLLM's and SGLang's serving benchmarks: <c>mean_&lt;m&gt;_ms</c>, <c>median_</c>, <c>std_</c> and
/// <c>p&lt;P&gt;_&lt;m&gt;_ms</c>, where P is an integer when whole, otherwise a decimal (<c>p99.9_ttft_ms</c>).
/// </summary>
internal static partial class FlatSummary
{
    /// <summary>Reads every statistic of metric <paramref name="name"/> (e.g. "ttft", "e2el") into <paramref name="values"/>.</summary>
    public static void Read(MeasuredJson json, LocatedJson root, string name, MeasuredMetricKind kind, double toCanonical, string definition, List<MeasuredMetric> values)
    {
        foreach (var statistic in new[] { "mean", "median", "std" })
        {
            if (json.Number(root[$"{statistic}_{name}_ms"]) is { } v)
            {
                values.Add(new MeasuredMetric(kind, statistic, v * toCanonical, definition));
            }
        }

        foreach (var (key, node) in root.Properties ?? [])
        {
            var match = PercentileKey().Match(key);
            if (match.Success && match.Groups[2].Value == name
                && double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && json.Number(node) is { } v)
            {
                values.Add(new MeasuredMetric(kind, Percentiles.Name(p), v * toCanonical, definition));
            }
        }
    }

    /// <summary>The offered load: a finite rate is asynchronous; an infinite one with a concurrency cap is a concurrency run, without one a throughput run.</summary>
    public static LoadMode Mode(double? rate, double? concurrency) =>
        rate is { } r && !double.IsInfinity(r) ? LoadMode.Asynchronous : concurrency is not null ? LoadMode.Concurrency : LoadMode.Throughput;

    [GeneratedRegex(@"^p(\d+(?:\.\d+)?)_([a-z0-9]+(?:_[a-z0-9]+)*?)_ms$", RegexOptions.CultureInvariant)]
    private static partial Regex PercentileKey();
}
