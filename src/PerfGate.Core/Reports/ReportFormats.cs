namespace PerfGate.Reports;

/// <summary>
/// The registration list of report formats: adding one is a class implementing <see cref="IReportFormat"/> and one
/// line here. The CLI's <c>--report</c> values, perfgate.yaml's <c>reports.formats</c> and their help texts derive
/// from it (a test binds the documented values to it).
/// </summary>
public static class ReportFormats
{
    public static IReadOnlyList<IReportFormat> All { get; } =
    [
        new ConsoleReport(),
        new MarkdownReport(),
        new JsonReport(),
        new JUnitReport(),
        new Html.HtmlReport(),
        new Trends.BmfReport(),
        new Trends.GitHubBenchmarkReport(Gate.MetricDirection.LowerIsBetter),
        new Trends.GitHubBenchmarkReport(Gate.MetricDirection.HigherIsBetter),
    ];

    /// <summary>The formats that can be written to a file (and named in perfgate.yaml's <c>reports.formats</c>).</summary>
    public static IReadOnlyList<IReportFormat> Files { get; } = All.Where(f => f.DefaultFileName is not null).ToArray();

    /// <summary>The format named <paramref name="name"/> or one of its aliases (ordinal, lower case); null when none is.</summary>
    public static IReportFormat? Find(string name) =>
        All.FirstOrDefault(f => f.Name == name || f.Aliases.Contains(name, StringComparer.Ordinal));

    /// <summary>"console, markdown[=FILE], json[=FILE], ...": the values <c>--report</c> accepts.</summary>
    public static string Accepted { get; } = string.Join(", ", All.Select(f => f.DefaultFileName is null ? f.Name : f.Name + "[=FILE]"));

    /// <summary>"console|markdown[=FILE]|json[=FILE]|...": the same, as in a usage line.</summary>
    public static string Usage { get; } = string.Join('|', All.Select(f => f.DefaultFileName is null ? f.Name : f.Name + "[=FILE]"));

    /// <summary>
    /// " (did you mean 'junit'?)" for a near miss of a name or alias; for a name that starts several formats' names
    /// ("github-benchmark") every one of them, since the choice is the user's (smaller or bigger is better); else empty.
    /// </summary>
    public static string DidYouMean(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var names = All.SelectMany(f => f.Aliases.Prepend(f.Name)).ToList();
        var extended = names.Where(n => name.Length >= 3 && n.StartsWith(name, StringComparison.Ordinal)).ToList();
        return extended.Count > 1
            ? $" (did you mean {string.Join(" or ", extended.Select(n => $"'{n}'"))}?)"
            : Yaml.Suggestions.DidYouMean(name, names);
    }
}
