using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfGate.Measurements.Output;

/// <summary>
/// Bencher Metric Format (<c>bencher run --adapter json</c>): <c>{"benchmark": {"measure": {"value": v, "lower_value": min,
/// "upper_value": max}}}</c>. The benchmark is <see cref="BenchmarkNames.Of"/>, the measure the metric key ("ttft.p99");
/// with repeats the value is their mean and the bounds their extremes.
/// </summary>
public static class BencherMetricFormat
{
    public static string Write(IReadOnlyList<MeasuredRun> runs) => Write(BenchmarkNames.Series(runs));

    /// <summary>The series grouped by benchmark, in the order given (each benchmark where its first series is).</summary>
    public static string Write(IEnumerable<BenchmarkSeries> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            foreach (var benchmark in series.GroupBy(s => s.Benchmark, StringComparer.Ordinal))
            {
                json.WriteStartObject(benchmark.Key);
                foreach (var (key, values) in benchmark.Select(s => (s.Measure, s.Values)))
                {
                    json.WriteStartObject(key);
                    Number(json, "value", values.Average());
                    if (values.Count > 1)
                    {
                        Number(json, "lower_value", values.Min());
                        Number(json, "upper_value", values.Max());
                    }

                    json.WriteEndObject();
                }

                json.WriteEndObject();
            }

            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    internal static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(double.IsFinite(value) ? MeasuredText.Number(value) : "null");
    }
}
