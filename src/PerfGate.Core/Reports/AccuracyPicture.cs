namespace PerfGate.Reports;

/// <summary>
/// A scenario's accuracy picture for the Markdown report: the scenario, its MAPE where the serving-load model holds
/// (null when no figure does), and where the SVG was written, as the Markdown links it (a path relative to the
/// report: GitHub strips inline SVG, so the picture is a file beside the report). The SVG itself is
/// <see cref="Measurements.Accuracy.AccuracySvg.Render"/>.
/// </summary>
public sealed record AccuracyPicture(string Scenario, double? Mape, string Link)
{
    /// <summary>
    /// The pictures of the scenarios whose evaluation has an accuracy (by scenario id), each as the file name beside a
    /// report called <paramref name="reportFileName"/> (<c>REPORT.&lt;scenario&gt;.svg</c>) and its SVG text.
    /// </summary>
    public static IReadOnlyList<(AccuracyPicture Picture, string Svg)> For(IReadOnlyDictionary<string, Evaluation.ScenarioDetails> details, string reportFileName)
    {
        ArgumentNullException.ThrowIfNull(details);
        return [.. details.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => d.Value.Accuracy).OfType<Measurements.Accuracy.AccuracyResult>()
            .Select(r => (new AccuracyPicture(r.Scenario, r.Mape, $"{reportFileName}.{r.Scenario}.svg"), Measurements.Accuracy.AccuracySvg.Render(r, $"{r.Scenario}: measured against estimated")))];
    }
}
