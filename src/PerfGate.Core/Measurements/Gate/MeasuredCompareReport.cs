using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace PerfGate.Measurements.Gate;

/// <summary>The measured gate's reports: a console table, Markdown (for a pull-request comment) and JSON. All invariant.</summary>
public static class MeasuredCompareReport
{
    private static readonly string[] Headers = ["load", "metric", "baseline", "new", "change", "floor", "p", "verdict"];

    /// <summary>The report names <c>--report</c> takes, in the order help lists them.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["console", "markdown", "json"];

    /// <summary>The report of <paramref name="kind"/> (one of <see cref="Kinds"/>).</summary>
    public static string Render(MeasuredComparison comparison, string kind) => kind switch
    {
        "console" => Console(comparison),
        "markdown" => Markdown(comparison),
        "json" => Json(comparison),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown measured report; use one of " + string.Join(", ", Kinds)),
    };

    /// <summary>One canonical error line per regression (PG5107), for standard error.</summary>
    public static IEnumerable<string> RegressionLines(MeasuredComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        return comparison.Metrics.Where(m => m.Verdict == MeasuredVerdict.Regression).Select(m => string.Create(
            CultureInfo.InvariantCulture,
            $"perfgate: error {Diagnostics.DiagnosticIds.MeasuredRegression}: {m.Workload} {m.MetricKey}: {MeasuredText.Number(m.BaselineMean!.Value)} -> {MeasuredText.Number(m.NewMean!.Value)} {m.Unit} ({MeasuredText.Number(m.Change!.Value * 100)} %, floor {MeasuredText.Number(m.Floor * 100)} %{(m.Test is { } t ? $", p = {MeasuredText.Number(t.PValue)}" : string.Empty)})"));
    }

    public static string Console(MeasuredComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var rows = Rows(comparison).Prepend(Headers).ToList();
        var widths = Enumerable.Range(0, Headers.Length).Select(c => rows.Max(r => r[c].Length)).ToArray();
        var sb = new StringBuilder();
        sb.Append(Settings(comparison)).Append('\n').Append('\n');
        foreach (var row in rows)
        {
            sb.Append(string.Join("  ", row.Select((cell, c) => c < 2 || c == row.Length - 1 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd()).Append('\n');
        }

        sb.Append(Footer(comparison));
        return sb.ToString();
    }

    public static string Markdown(MeasuredComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var sb = new StringBuilder();
        sb.Append("## Measured runs\n\n").Append(Settings(comparison)).Append("\n\n");
        sb.Append("| ").Append(string.Join(" | ", Headers)).Append(" |\n");
        sb.Append("|").Append(string.Concat(Headers.Select((_, c) => c < 2 || c == Headers.Length - 1 ? " --- |" : " ---: |"))).Append('\n');
        foreach (var row in Rows(comparison))
        {
            sb.Append("| ").Append(string.Join(" | ", row.Select(c => c.Replace("|", "\\|", StringComparison.Ordinal)))).Append(" |\n");
        }

        sb.Append('\n').Append(Footer(comparison));
        return sb.ToString();
    }

    public static string Json(MeasuredComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, NewLine = "\n" }))
        {
            var o = comparison.Options;
            json.WriteStartObject();
            json.WriteString("test", MeasuredVerdicts.TestName(o.Test));
            Number(json, "alpha", o.Alpha);
            Number(json, "floor", o.Floor);
            json.WriteNumber("minRuns", o.MinRuns);
            json.WriteBoolean("regression", comparison.HasRegression);
            json.WriteStartArray("metrics");
            foreach (var m in comparison.Metrics)
            {
                json.WriteStartObject();
                json.WriteString("load", m.Workload);
                json.WriteString("metric", m.MetricKey);
                json.WriteString("unit", m.Unit);
                json.WriteNumber("baselineRuns", m.Baseline.Count);
                json.WriteNumber("newRuns", m.New.Count);
                Optional(json, "baselineMean", m.BaselineMean);
                Optional(json, "newMean", m.NewMean);
                Optional(json, "change", m.Change);
                Number(json, "floor", m.Floor);
                if (m.Test is { } t)
                {
                    Number(json, "p", t.PValue);
                }

                json.WriteString("verdict", MeasuredVerdicts.Name(m.Verdict));
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("failedRuns");
            foreach (var r in comparison.FailedRuns)
            {
                json.WriteStringValue(FormattableString.Invariant($"{r.Source.File}({r.Source.Line}) {r.Label}"));
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static string Settings(MeasuredComparison c) => string.Create(
        CultureInfo.InvariantCulture,
        $"Regression when {MeasuredVerdicts.TestName(c.Options.Test)} p <= {MeasuredText.Number(c.Options.Alpha)} (one-sided) and the mean moved the bad way by >= the floor (default {Percent(c.Options.Floor)}); at least {c.Options.MinRuns} run(s) a side.");

    private static string Footer(MeasuredComparison c)
    {
        var sb = new StringBuilder();
        foreach (var r in c.FailedRuns)
        {
            sb.Append(CultureInfo.InvariantCulture, $"failed run left out: {r.Source.File}({r.Source.Line}) {r.Label}\n");
        }

        var counts = c.Metrics.GroupBy(m => m.Verdict).OrderBy(g => g.Key).Select(g => $"{g.Count()} {MeasuredVerdicts.Name(g.Key)}");
        sb.Append(c.Metrics.Count == 0 ? "no metric measured on either side" : string.Join(", ", counts)).Append('\n');
        return sb.ToString();
    }

    private static IEnumerable<string[]> Rows(MeasuredComparison c) => c.Metrics.Select(m => new[]
    {
        m.Workload,
        m.MetricKey,
        Side(m.Baseline, m.Unit),
        Side(m.New, m.Unit),
        m.Change is { } ch ? Signed(ch) : "-",
        Percent(m.Floor),
        m.Test is { } t ? MeasuredText.Number(t.PValue) : "-",
        MeasuredVerdicts.Name(m.Verdict),
    });

    private static string Side(IReadOnlyList<double> values, string unit) => values.Count switch
    {
        0 => "-",
        1 => $"{MeasuredText.Number(values[0])} {unit}",
        _ => string.Create(CultureInfo.InvariantCulture, $"{MeasuredText.Number(values.Average())} {unit} (n={values.Count})"),
    };

    private static string Percent(double fraction) => MeasuredText.Number(fraction * 100) + " %";

    private static string Signed(double fraction) => (fraction >= 0 ? "+" : string.Empty) + MeasuredText.Number(fraction * 100) + " %";

    private static void Number(Utf8JsonWriter json, string name, double value)
    {
        json.WritePropertyName(name);
        json.WriteRawValue(double.IsFinite(value) ? MeasuredText.Number(value) : "null");
    }

    private static void Optional(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            Number(json, name, v);
        }
    }
}
