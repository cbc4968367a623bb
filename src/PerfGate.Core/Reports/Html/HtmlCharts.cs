using System.Text;
using PerfGate.Gate;
using static PerfGate.Reports.Html.HtmlText;

namespace PerfGate.Reports.Html;

/// <summary>
/// The HTML report's own charts, inline SVG: horizontal paired bars, baseline (grey) above now (blue), one pair per
/// row, each bar labelled with its value, on one scale from zero. Throughput per card uses one row per scenario, the
/// decode breakdown one row per operator. A side without the figure has no bar and says "none". Pure and
/// deterministic (invariant culture, 0.1 px rounding, LF), so snapshot-tested.
/// </summary>
internal static class HtmlCharts
{
    private const double Left = 16;
    private const double LabelWidth = 260;
    private const double PlotWidth = 480;
    private const double ValueWidth = 150;
    private const double BarHeight = 12;
    private const double RowGap = 8;
    private const double Top = 40;
    private const string BaselineColour = "#9e9e9e";
    private const string NowColour = "#1565c0";

    /// <summary>One row: its label, the baseline's value and the current value (null: that side has none).</summary>
    public sealed record Row(string Label, double? Baseline, double? Now);

    public static string PairedBars(string title, string unit, IReadOnlyList<Row> rows)
    {
        var width = Left + LabelWidth + PlotWidth + ValueWidth;
        var height = Top + (rows.Count * ((2 * BarHeight) + RowGap)) + 24;
        var max = rows.SelectMany(r => new[] { r.Baseline ?? 0, r.Now ?? 0 }).Where(double.IsFinite).DefaultIfEmpty(0).Max();
        var scale = max > 0 ? PlotWidth / max : 0;
        var x0 = Left + LabelWidth;
        var sb = new StringBuilder();
        sb.Append(F($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Px(width)}\" height=\"{Px(height)}\" viewBox=\"0 0 {Px(width)} {Px(height)}\" font-family=\"sans-serif\" font-size=\"11\" role=\"img\" aria-label=\"{Escape(title)}\">\n"));
        sb.Append(F($"  <rect width=\"{Px(width)}\" height=\"{Px(height)}\" fill=\"#ffffff\"/>\n"));
        sb.Append(F($"  <text x=\"{Px(Left)}\" y=\"16\" font-size=\"13\" font-weight=\"bold\">{Escape(title)}</text>\n"));
        sb.Append(F($"  <rect x=\"{Px(Left)}\" y=\"24\" width=\"10\" height=\"10\" fill=\"{BaselineColour}\"/><text x=\"{Px(Left + 14)}\" y=\"33\">baseline</text>\n"));
        sb.Append(F($"  <rect x=\"{Px(Left + 80)}\" y=\"24\" width=\"10\" height=\"10\" fill=\"{NowColour}\"/><text x=\"{Px(Left + 94)}\" y=\"33\">now</text>\n"));
        sb.Append(F($"  <line x1=\"{Px(x0)}\" y1=\"{Px(Top - 2)}\" x2=\"{Px(x0)}\" y2=\"{Px(height - 22)}\" stroke=\"#000000\"/>\n"));
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var y = Top + (i * ((2 * BarHeight) + RowGap));
            sb.Append(F($"  <g>\n    <text x=\"{Px(x0 - 6)}\" y=\"{Px(y + BarHeight + 4)}\" text-anchor=\"end\">{Escape(Clip(row.Label))}</text>\n"));
            Bar(sb, x0, y, row.Baseline, scale, unit, BaselineColour, "baseline");
            Bar(sb, x0, y + BarHeight, row.Now, scale, unit, NowColour, "now");
            sb.Append("  </g>\n");
        }

        sb.Append(F($"  <text x=\"{Px(x0)}\" y=\"{Px(height - 8)}\" fill=\"#555555\">0</text>\n"));
        sb.Append(F($"  <text x=\"{Px(x0 + PlotWidth)}\" y=\"{Px(height - 8)}\" text-anchor=\"end\" fill=\"#555555\">{Escape(Number(max))} {Escape(unit)}</text>\n"));
        sb.Append("</svg>\n");
        return sb.ToString();
    }

    private static void Bar(StringBuilder sb, double x0, double y, double? value, double scale, string unit, string colour, string side)
    {
        if (value is not { } v || !double.IsFinite(v))
        {
            sb.Append(F($"    <text x=\"{Px(x0 + 4)}\" y=\"{Px(y + BarHeight - 2)}\" fill=\"#555555\">{side}: none</text>\n"));
            return;
        }

        var w = Math.Max(0, v * scale);
        var text = $"{Number(v)} {unit}".TrimEnd();
        sb.Append(F($"    <rect x=\"{Px(x0)}\" y=\"{Px(y)}\" width=\"{Px(w)}\" height=\"{Px(BarHeight - 1)}\" fill=\"{colour}\"><title>{side}: {Escape(text)}</title></rect>\n"));
        sb.Append(F($"    <text x=\"{Px(x0 + w + 4)}\" y=\"{Px(y + BarHeight - 2)}\">{Escape(text)}</text>\n"));
    }

    /// <summary>A label longer than the label column (about 7 px a character) ends in an ellipsis; the full text is in the tables.</summary>
    private static string Clip(string label) => label.Length <= 40 ? label : label[..39] + "…";

    private static string Number(double value) => SignificantDigits.Format(SignificantDigits.Round(value, 6));
}
