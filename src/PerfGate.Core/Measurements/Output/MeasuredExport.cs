using PerfGate.Gate;

namespace PerfGate.Measurements.Output;

/// <summary>
/// One chart export of measured runs, offered by <c>perfgate measured import</c> and <c>compare</c> as an option that
/// names the file to write: Bencher Metric Format and github-action-benchmark's two custom tools. Adding one is a line in
/// <see cref="All"/>.
/// </summary>
public sealed record MeasuredExport(string Option, string Description, Func<IReadOnlyList<MeasuredRun>, string> Write)
{
    public static IReadOnlyList<MeasuredExport> All { get; } =
    [
        new("--bmf", "Write the runs as Bencher Metric Format JSON (bencher run --adapter json) to this file.", BencherMetricFormat.Write),
        new("--github-benchmark-smaller", "Write the lower-is-better metrics as github-action-benchmark customSmallerIsBetter JSON to this file.", runs => GitHubBenchmarkJson.Write(runs, MetricDirection.LowerIsBetter)),
        new("--github-benchmark-bigger", "Write the higher-is-better metrics as github-action-benchmark customBiggerIsBetter JSON to this file.", runs => GitHubBenchmarkJson.Write(runs, MetricDirection.HigherIsBetter)),
    ];
}
