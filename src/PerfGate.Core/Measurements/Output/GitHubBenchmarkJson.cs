using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfGate.Gate;

namespace PerfGate.Measurements.Output;

/// <summary>
/// github-action-benchmark's custom tools: a JSON list of <c>{"name", "unit", "value", "range", "extra"}</c>.
/// <c>customSmallerIsBetter</c> takes the lower-is-better metrics (latencies), <c>customBiggerIsBetter</c> the
/// higher-is-better ones (throughputs); the action reads one tool per file, so each direction is its own file.
/// With repeats the value is their mean and range "± standard deviation".
/// </summary>
public static class GitHubBenchmarkJson
{
    public static string Write(IReadOnlyList<MeasuredRun> runs, MetricDirection direction) => Write(BenchmarkNames.Series(runs), direction);

    /// <summary>The series of <paramref name="direction"/> (neutral ones belong to neither tool), in the order given, named "benchmark measure".</summary>
    public static string Write(IEnumerable<BenchmarkSeries> series, MetricDirection direction)
    {
        ArgumentNullException.ThrowIfNull(series);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartArray();
            foreach (var (name, key, unit, _, values, extra) in series.Where(s => s.Direction == direction))
            {
                json.WriteStartObject();
                json.WriteString("name", $"{name} {key}");
                json.WriteString("unit", unit);
                BencherMetricFormat.Number(json, "value", values.Average());
                if (values.Count > 1)
                {
                    var (_, variance) = Statistics.WelchTTest.MeanAndVariance(values);
                    json.WriteString("range", "± " + MeasuredText.Number(Math.Sqrt(variance)));
                }

                json.WriteString("extra", extra);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
