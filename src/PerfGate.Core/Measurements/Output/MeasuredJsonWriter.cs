using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfGate.Measurements.Output;

/// <summary>Writes imported runs as JSON (<c>perfgate measured import --json</c>): a list of runs, each with its system, workload and metrics.</summary>
public static class MeasuredJsonWriter
{
    public static string Write(IReadOnlyList<MeasuredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            json.WriteStartObject();
            json.WriteStartArray("runs");
            foreach (var run in runs)
            {
                WriteRun(json, run);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void WriteRun(Utf8JsonWriter json, MeasuredRun run)
    {
        json.WriteStartObject();
        json.WriteString("file", run.Source.File);
        json.WriteNumber("line", run.Source.Line);
        json.WriteString("format", run.Format);
        json.WriteString("label", run.Label);
        json.WriteBoolean("failed", run.Failed);
        json.WriteStartObject("system");
        WriteOptional(json, "engine", run.System.Engine);
        WriteOptional(json, "model", run.System.Model);
        WriteOptional(json, "hardware", run.System.Hardware);
        if (run.System.Cards is { } cards)
        {
            json.WriteNumber("cards", cards);
        }

        WriteOptional(json, "parallelism", run.System.Parallelism);
        json.WriteEndObject();
        json.WriteStartObject("workload");
        json.WriteString("mode", MeasuredModes.Name(run.Workload.Mode));
        WriteNumber(json, "requestRate", run.Workload.RequestRatePerSecond);
        if (run.Workload.Concurrency is { } c)
        {
            json.WriteNumber("concurrency", c);
        }

        WriteNumber(json, "promptTokens", run.Workload.PromptTokens);
        WriteNumber(json, "outputTokens", run.Workload.OutputTokens);
        json.WriteEndObject();
        json.WriteStartArray("metrics");
        foreach (var m in run.Metrics)
        {
            json.WriteStartObject();
            json.WriteString("metric", m.Info.Key);
            json.WriteString("statistic", m.Statistic);
            WriteNumber(json, "value", m.ValueInCanonicalUnit);
            json.WriteString("unit", m.Info.Unit);
            json.WriteString("definition", m.Definition);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter json, string name, string? value)
    {
        if (value is not null)
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>A finite value as a number, an infinite or NaN one as its string (JSON has no literal for it), nothing when absent.</summary>
    private static void WriteNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is not { } v)
        {
            return;
        }

        if (double.IsFinite(v))
        {
            json.WritePropertyName(name);
            json.WriteRawValue(MeasuredText.Number(v));
        }
        else
        {
            json.WriteString(name, MeasuredText.Number(v));
        }
    }
}
