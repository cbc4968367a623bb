namespace PerfGate.Reports;

/// <summary>
/// A scenario's accuracy picture for the Markdown report: the scenario, its MAPE where the serving-load model holds
/// (null when no figure does), and where the SVG was written, as the Markdown links it (a path relative to the
/// report: GitHub strips inline SVG, so the picture is a file beside the report). The SVG itself is
/// <see cref="Measurements.Accuracy.AccuracySvg.Render"/>.
/// </summary>
public sealed record AccuracyPicture(string Scenario, double? Mape, string Link);
