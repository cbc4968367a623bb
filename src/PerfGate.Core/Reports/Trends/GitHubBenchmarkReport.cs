using PerfGate.Gate;
using PerfGate.Measurements.Output;

namespace PerfGate.Reports.Trends;

/// <summary>
/// <c>--report github-benchmark-smaller=FILE</c> and <c>--report github-benchmark-bigger=FILE</c>: every scenario's
/// current numeric metrics of one direction as github-action-benchmark's custom JSON (<c>[{"name", "unit", "value",
/// "extra"}]</c>, name "scenario metric.key"). The action reads one tool per file, <c>customSmallerIsBetter</c> or
/// <c>customBiggerIsBetter</c>, so each direction is its own format and file: lower-is-better metrics (step time,
/// latencies, memory per sequence) go to the smaller one, higher-is-better (throughput, max batch) to the bigger one;
/// neutral figures (capacity, parameter counts) belong to neither. Written by the same <see cref="GitHubBenchmarkJson"/>
/// as <c>perfgate measured import --github-benchmark-smaller|-bigger</c> (<see cref="GateSeries"/>).
/// </summary>
public sealed class GitHubBenchmarkReport(MetricDirection direction) : IReportFormat
{
    public string Name => direction switch
    {
        MetricDirection.LowerIsBetter => "github-benchmark-smaller",
        MetricDirection.HigherIsBetter => "github-benchmark-bigger",
        _ => throw new ArgumentOutOfRangeException(nameof(direction), direction, "github-action-benchmark has a smaller-is-better and a bigger-is-better tool only"),
    };

    public IReadOnlyList<string> Aliases => [];

    public string? DefaultFileName => $"perfgate.{Name}.json";

    public bool GoesToJobSummary => false;

    /// <summary>The github-action-benchmark <c>tool:</c> this file is for.</summary>
    public string Tool => direction == MetricDirection.LowerIsBetter ? "customSmallerIsBetter" : "customBiggerIsBetter";

    public string Render(GateResult result, ReportContext context) => GitHubBenchmarkJson.Write(GateSeries.Of(result), direction);
}
