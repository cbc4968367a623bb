namespace PerfGate.Measurements.Accuracy;

/// <summary>
/// What <c>perfgate accuracy --markdown FILE</c> writes: an SVG per scenario beside FILE (FILE + <c>.&lt;scenario&gt;.svg</c>,
/// ITL and TTFT against request rate), then FILE itself, the Markdown table linking them by file name.
/// </summary>
public static class AccuracyFiles
{
    public static IReadOnlyList<(string Path, string Text)> For(IReadOnlyList<AccuracyResult> results, string target)
    {
        ArgumentNullException.ThrowIfNull(results);
        var name = Path.GetFileName(target);
        return
        [
            .. results.Select(r => ($"{target}.{r.Scenario}.svg", AccuracySvg.Render(r, $"{r.Scenario}: measured against estimated"))),
            (target, AccuracyReport.Markdown(results, AccuracyReport.ModelNote, r => $"{name}.{r.Scenario}.svg")),
        ];
    }
}
