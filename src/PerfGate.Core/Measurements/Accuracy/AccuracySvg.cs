using System.Globalization;
using System.Security;
using System.Text;

namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// A rate sweep as a picture (the Core function reports embed: Markdown beside the table, HTML inline): ITL and TTFT
/// against the request rate the server sustained, measured points (dots) and the serving-load estimate (a line
/// through filled squares where the model holds). Where it does not hold there is no estimate: a cross on the axis
/// at that rate, and the rates beyond the last point that holds are shaded "model does not hold". The y axis is
/// scaled to the points where the model holds; a measurement above it sits on the top edge, hollow, with its value.
/// The x axis is the measured request rate of each run (synchronous and rate runs; fixed-concurrency and throughput
/// runs have no rate to place them at and are left to the table). Pure and deterministic (invariant culture, 0.1 px
/// rounding, LF), so snapshot-tested.
/// </summary>
public static class AccuracySvg
{
    private const double PanelWidth = 360;
    private const double PanelHeight = 220;
    private const double Left = 56;
    private const double Top = 48;
    private const double Gap = 72;

    /// <summary>The picture of <paramref name="result"/>, or one saying there is no rate sweep; <paramref name="note"/>, when given, is a second subtitle line.</summary>
    public static string Render(AccuracyResult result, string title, string? note = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(title);
        var width = Left + (2 * PanelWidth) + Gap + 24;
        var height = Top + PanelHeight + 64 + (note is null ? 0 : 14);
        var top = Top + (note is null ? 0 : 14);
        var itl = Points(result, MeasuredMetricKind.InterTokenLatency);
        var ttft = Points(result, MeasuredMetricKind.TimeToFirstToken);
        var maxRate = itl.Concat(ttft).Select(p => p.Rate).DefaultIfEmpty(1).Max();
        var sb = new StringBuilder();
        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width:0.#}\" height=\"{height:0.#}\" viewBox=\"0 0 {width:0.#} {height:0.#}\" font-family=\"sans-serif\" font-size=\"11\">\n"));
        sb.Append(F($"  <rect width=\"{width:0.#}\" height=\"{height:0.#}\" fill=\"#ffffff\"/>\n"));
        sb.Append(F($"  <text x=\"{Left:0.#}\" y=\"20\" font-size=\"13\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        sb.Append(F($"  <text x=\"{Left:0.#}\" y=\"36\">dots: measured; line and squares: estimate; x on the axis and grey: the steady-state model does not hold (no estimate)</text>\n"));
        if (note is not null)
        {
            sb.Append(F($"  <text x=\"{Left:0.#}\" y=\"50\" fill=\"#555555\">{Escape(note)}</text>\n"));
        }

        Panel(sb, Left, top, "ITL (ms)", maxRate, itl);
        Panel(sb, Left + PanelWidth + Gap, top, "TTFT (ms)", maxRate, ttft);
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static List<(double Rate, AccuracyRow Row)> Points(AccuracyResult result, MeasuredMetricKind kind) => result.Rows
        .Where(r => r.Run.Central(kind) is { } m && m.Key == r.MetricKey && r.Run.Workload.Mode is LoadMode.Synchronous or LoadMode.Asynchronous)
        .Select(r => (Rate: r.Run.Central(MeasuredMetricKind.RequestsPerSecond)?.ValueInCanonicalUnit ?? 0, Row: r))
        .Where(p => p.Rate > 0)
        .OrderBy(p => p.Rate)
        .ToList();

    private static void Panel(StringBuilder sb, double x0, double top, string label, double maxRate, List<(double Rate, AccuracyRow Row)> points)
    {
        var holding = points.Where(p => p.Row.Point.Holds).ToList();
        var scaled = holding.Count > 0 ? holding : points;
        var maxY = Nice(scaled.SelectMany(p => new[] { p.Row.Measured, p.Row.Estimated ?? 0 }).DefaultIfEmpty(1).Max());
        var maxX = Nice(maxRate);
        double X(double rate) => x0 + (PanelWidth * rate / maxX);
        double Y(double v) => top + PanelHeight - (PanelHeight * Math.Min(v, maxY) / maxY);
        var bottom = top + PanelHeight;
        sb.Append(F($"  <g>\n    <text x=\"{x0:0.#}\" y=\"{top - 4:0.#}\" font-weight=\"bold\">{Escape(label)}</text>\n"));

        // Past the last rate where the model holds, every point fails: shade from the first of them to the edge.
        var lastHolding = holding.Count > 0 ? holding[^1].Rate : 0;
        if (points.Where(p => p.Rate > lastHolding).ToList() is { Count: > 0 } tail && tail.All(p => p.Row.Point.Regime == ServingRegime.DoesNotHold))
        {
            var from = X(tail[0].Rate) - 4;
            sb.Append(F($"    <rect x=\"{from:0.#}\" y=\"{top:0.#}\" width=\"{x0 + PanelWidth - from:0.#}\" height=\"{PanelHeight:0.#}\" fill=\"#eeeeee\"/>\n"));
            sb.Append(F($"    <text x=\"{x0 + PanelWidth - 4:0.#}\" y=\"{top + 14:0.#}\" text-anchor=\"end\" fill=\"#555555\">model does not hold</text>\n"));
        }

        sb.Append(F($"    <line x1=\"{x0:0.#}\" y1=\"{bottom:0.#}\" x2=\"{x0 + PanelWidth:0.#}\" y2=\"{bottom:0.#}\" stroke=\"#000000\"/>\n"));
        sb.Append(F($"    <line x1=\"{x0:0.#}\" y1=\"{top:0.#}\" x2=\"{x0:0.#}\" y2=\"{bottom:0.#}\" stroke=\"#000000\"/>\n"));
        for (var i = 0; i <= 4; i++)
        {
            var v = maxY * i / 4;
            var r = maxX * i / 4;
            sb.Append(F($"    <text x=\"{x0 - 4:0.#}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\">{MeasuredText.Number(v)}</text>\n"));
            sb.Append(F($"    <text x=\"{X(r):0.#}\" y=\"{bottom + 14:0.#}\" text-anchor=\"middle\">{MeasuredText.Number(r)}</text>\n"));
        }

        sb.Append(F($"    <text x=\"{x0 + (PanelWidth / 2):0.#}\" y=\"{bottom + 30:0.#}\" text-anchor=\"middle\">request rate sustained (req/s)</text>\n"));
        var estimated = points.Where(p => p.Row.Estimated is not null && p.Row.Point.Holds).ToList();
        if (estimated.Count > 1)
        {
            var line = estimated.Select(p => F($"{X(p.Rate):0.#},{Y(p.Row.Estimated!.Value):0.#}"));
            sb.Append("    <polyline fill=\"none\" stroke=\"#e65100\" stroke-width=\"1.5\" points=\"").Append(string.Join(' ', line)).Append("\"/>\n");
        }

        foreach (var p in estimated)
        {
            sb.Append(F($"    <rect x=\"{X(p.Rate) - 3:0.#}\" y=\"{Y(p.Row.Estimated!.Value) - 3:0.#}\" width=\"6\" height=\"6\" fill=\"#e65100\"/>\n"));
        }

        foreach (var p in points.Where(p => p.Row.Point.Regime == ServingRegime.DoesNotHold))
        {
            var x = X(p.Rate);
            sb.Append(F($"    <path d=\"M{x - 4:0.#},{bottom - 4:0.#} L{x + 4:0.#},{bottom + 4:0.#} M{x - 4:0.#},{bottom + 4:0.#} L{x + 4:0.#},{bottom - 4:0.#}\" stroke=\"#555555\" stroke-width=\"1.5\"/>\n"));
        }

        foreach (var p in points)
        {
            var x = X(p.Rate);
            if (p.Row.Measured <= maxY)
            {
                sb.Append(F($"    <circle cx=\"{x:0.#}\" cy=\"{Y(p.Row.Measured):0.#}\" r=\"3\" fill=\"#1565c0\"/>\n"));
            }
            else
            {
                sb.Append(F($"    <circle cx=\"{x:0.#}\" cy=\"{top:0.#}\" r=\"3\" fill=\"#ffffff\" stroke=\"#1565c0\"/>\n"));
                sb.Append(F($"    <text x=\"{x + 5:0.#}\" y=\"{top + 10:0.#}\" fill=\"#1565c0\" font-size=\"9\">{MeasuredText.Number(Math.Round(p.Row.Measured))}</text>\n"));
            }
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
