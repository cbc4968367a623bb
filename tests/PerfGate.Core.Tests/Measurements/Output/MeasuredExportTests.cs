using PerfGate.Measurements.Output;

namespace PerfGate.Tests.Measurements.Output;

/// <summary>The chart exports' registry: one option each, and each writes its own format of the runs.</summary>
public sealed class MeasuredExportTests
{
    [Fact]
    public void Each_export_is_an_option_writing_its_format()
    {
        var runs = MeasuredTestData.Runs("vllm.json");

        Assert.Equal(["--bmf", "--github-benchmark-smaller", "--github-benchmark-bigger"], MeasuredExport.All.Select(e => e.Option));
        Assert.Equal(BencherMetricFormat.Write(runs), MeasuredExport.All[0].Write(runs));
        Assert.Equal(GitHubBenchmarkJson.Write(runs, PerfGate.Gate.MetricDirection.LowerIsBetter), MeasuredExport.All[1].Write(runs));
        Assert.Equal(GitHubBenchmarkJson.Write(runs, PerfGate.Gate.MetricDirection.HigherIsBetter), MeasuredExport.All[2].Write(runs));
        Assert.NotEqual(MeasuredExport.All[1].Write(runs), MeasuredExport.All[2].Write(runs));
    }
}
