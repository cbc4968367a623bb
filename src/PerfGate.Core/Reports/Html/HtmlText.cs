using System.Globalization;
using System.Text;

namespace PerfGate.Reports.Html;

/// <summary>Escaping and number formatting for the HTML report and its SVG charts (invariant culture, always).</summary>
internal static class HtmlText
{
    /// <summary>Text safe in element content and in double- or single-quoted attributes: &amp; &lt; &gt; " ' escaped.</summary>
    public static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <summary>A coordinate, rounded to 0.1 px.</summary>
    public static string Px(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    public static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
