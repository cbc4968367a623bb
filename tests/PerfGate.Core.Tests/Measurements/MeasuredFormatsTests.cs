using PerfGate.Measurements;

namespace PerfGate.Tests.Measurements;

/// <summary>The registration list: every sample is recognised by exactly its own format.</summary>
public class MeasuredFormatsTests
{
    public static TheoryData<string, string> Samples => new()
    {
        { "guidellm.json", "guidellm-json" },
        { "seed-001-serving-sweeps.md", "guidellm-markdown" },
        { "vllm.json", "vllm-json" },
        { "sglang.jsonl", "sglang-jsonl" },
        { "aiperf.json", "aiperf-json" },
        { "seed-003-mindie-qwq-32b.txt", "mindie-console" },
        { "mindie-deepseek-v3.txt", "mindie-console" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Exactly_one_format_recognises_each_sample(string file, string format)
    {
        var input = MeasuredTestData.Input(file);
        Assert.Equal([format], MeasuredFormats.All.Where(f => f.Recognises(input)).Select(f => f.Id));
        Assert.All(MeasuredTestData.Runs(file), r => Assert.Equal(format, r.Format));
    }

    [Fact]
    public void Every_format_has_a_sample_and_a_unique_id()
    {
        var sampled = Samples.Select(row => (string)row[1]).ToHashSet();
        Assert.Equal(MeasuredFormats.All.Select(f => f.Id).Order(), sampled.Order());
        Assert.Equal(MeasuredFormats.All.Count, MeasuredFormats.All.Select(f => f.Id).Distinct().Count());
    }

    [Fact]
    public void Options_and_sidecar_override_what_the_report_says()
    {
        var told = new MeasuredSystem(null, "qwen2-72b", "a100-80g", null, "tp4");
        var run = MeasuredTestData.Import("seed-001-serving-sweeps.md", told: told).Runs[0];
        Assert.Equal(new MeasuredSystem("vLLM", "qwen2-72b", "a100-80g", 2, "tp4"), run.System);
    }
}
