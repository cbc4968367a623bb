using System.Globalization;
using System.Security;
using System.Text;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// A rate sweep as a picture: ITL and TTFT against the request rate the server sustained, measured points (dots) and
/// the estimate (a line; hollow markers where the estimate says the server is saturated). The x axis is the measured
/// request rate of each run (synchronous and rate runs; fixed-concurrency and throughput runs have no rate to place
/// them at and are left to the table). Pure and deterministic (invariant culture, 0.1 px rounding, LF), so snapshot-tested.
/// </summary>
public static class AccuracySvg
{
    private const double PanelWidth = 360;
    private const double PanelHeight = 220;
    private const double Left = 56;
    private const double Top = 48;
    private const double Gap = 72;

    public static string Render(AccuracyResult result, string title, string? ttftNote)
    {
        ArgumentNullException.ThrowIfNull(result);
        var points = result.Rows
            .Where(r => r.MetricKey.StartsWith("itl.", StringComparison.Ordinal) && r.Run.Workload.Mode is LoadMode.Synchronous or LoadMode.Asynchronous)
            .Select(r => (Rate: r.Run.Central(MeasuredMetricKind.RequestsPerSecond)?.ValueInCanonicalUnit ?? 0, Row: r))
            .Where(p => p.Rate > 0)
            .OrderBy(p => p.Rate)
            .ToList();
        var width = Left + (2 * PanelWidth) + Gap + 24;
        var height = Top + PanelHeight + 64;
        var sb = new StringBuilder();
        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0.#}\" height=\"{height:0.#}\" viewBox=\"0 0 {width:0.#} {height:0.#}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        sb.Append(F($"  <rect width=\"{width:0.#}\" height=\"{height:0.#}\" fill=\"#ffffff\"/>\n"));
        sb.Append(F($"  <text x=\"{Left:0.#}\" y=\"20\" font-size=\"13\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        sb.Append(F($"  <text x=\"{Left:0.#}\" y=\"36\">dots: measured; line: estimate (hollow: saturated, the steady-state model does not hold)</text>\n"));
        var maxRate = points.Count == 0 ? 1 : points.Max(p => p.Rate);
        var itl = points.Select(p => (p.Rate, (double?)p.Row.Measured, (double?)p.Row.Estimated, p.Row.Point.Saturated)).ToList();
        Panel(sb, Left, "ITL (ms)", maxRate, itl, null);
        var ttft = points.Select(p => (p.Rate, p.Row.Run.Central(MeasuredMetricKind.TimeToFirstToken)?.ValueInCanonicalUnit, (double?)null, p.Row.Point.Saturated)).ToList();
        Panel(sb, Left + PanelWidth + Gap, "TTFT (ms)", maxRate, ttft, ttftNote);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void Panel(StringBuilder sb, double x0, string label, double maxRate, List<(double Rate, double? Measured, double? Estimated, bool Saturated)> points, string? note)
    {
        var maxY = Nice(points.SelectMany(p => new[] { p.Measured ?? 0, p.Estimated ?? 0 }).DefaultIfEmpty(1).Max());
        var maxX = Nice(maxRate);
        double X(double rate) => x0 + (PanelWidth * rate / maxX);
        double Y(double v) => Top + PanelHeight - (PanelHeight * Math.Min(v, maxY) / maxY);
        sb.Append(F($"  <g>\n    <text x=\"{x0:0.#}\" y=\"{Top - 4:0.#}\" font-weight=\"bold\">{Escape(label)}</text>\n"));
        sb.Append(F($"    <line x1=\"{x0:0.#}\" y1=\"{Top + PanelHeight:0.#}\" x2=\"{x0 + PanelWidth:0.#}\" y2=\"{Top + PanelHeight:0.#}\" stroke=\"#000000\"/>\n"));
        sb.Append(F($"    <line x1=\"{x0:0.#}\" y1=\"{Top:0.#}\" x2=\"{x0:0.#}\" y2=\"{Top + PanelHeight:0.#}\" stroke=\"#000000\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var v = maxY * i / 4;
            var r = maxX * i / 4;
            sb.Append(F($"    <text x=\"{x0 - 4:0.#}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{MeasuredText.Number(v)}</text>\n"));
            sb.Append(F($"    <text x=\"{X(r):0.#}\" y=\"{Top + PanelHeight + 14:0.#}\" text-anchor=\"middle\">{MeasuredText.Number(r)}</text>\n"));
        }

        sb.Append(F($"    <text x=\"{x0 + (PanelWidth / 2):0.#}\" y=\"{Top + PanelHeight + 30:0.#}\" text-anchor=\"middle\">request rate sustained (req/s)</text>\n"));
        var line = points.Where(p => p.Estimated is not null).Select(p => F($"{X(p.Rate):0.#},{Y(p.Estimated!.Value):0.#}")).ToList();
        if (line.Count > 1)
        {
            sb.Append("    <polyline fill=\"none\" stroke=\"#e65100\" stroke-width=\"1.5\" points=\"").Append(string.Join(' ', line)).Append("\"/>\n");
        }

        foreach (var p in points.Where(p => p.Estimated is not null))
        {
            sb.Append(F($"    <rect x=\"{X(p.Rate) - 3:0.#}\" y=\"{Y(p.Estimated!.Value) - 3:0.#}\" width=\"6\" height=\"6\" fill=\"{(p.Saturated ? "#ffffff" : "#e65100")}\" stroke=\"#e65100\"/>\n"));
        }

        foreach (var p in points.Where(p => p.Measured is not null))
        {
            sb.Append(F($"    <circle cx=\"{X(p.Rate):0.#}\" cy=\"{Y(p.Measured!.Value):0.#}\" r=\"3\" fill=\"#1565c0\"/>\n"));
        }

        if (note is not null)
        {
            sb.Append(F($"    <text x=\"{x0 + 8:0.#}\" y=\"{Top + 14:0.#}\" fill=\"#555555\">{Escape(note)}</text>\n"));
        }

        sb.Append("  </g>\n");
    }

    /// <summary>The axis maximum: the value rounded up to 1, 2 or 5 times a power of ten.</summary>
    private static double Nice(double value)
    {
        if (!(value > 0) || !double.IsFinite(value))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1.0, 2, 5, 10 }.Select(k => k * power).First(v => v >= value * (1 - 1e-12));
    }

    private static string Escape(string text) => SecurityElement.Escape(text) ?? string.Empty;

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
