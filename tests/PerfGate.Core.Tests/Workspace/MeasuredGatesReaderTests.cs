using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Measurements;
using PerfGate.Measurements.Gate;
using PerfGate.Schemas;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Workspace;

/// <summary>perfgate.yaml's <c>measured:</c> gates: values, defaults, and a located error for every bad one.</summary>
public sealed class MeasuredGatesReaderTests
{
    private static WorkspaceLoadResult Load(string measured) =>
        WorkspaceLoader.Load(new InMemoryFileSystem { ["/ws/perfgate.yaml"] = "scenarios: []\nmeasured:\n" + measured }, "/ws");

    private static List<string> Errors(string measured) =>
        [.. Load(measured).Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.ToCanonicalString())];

    [Fact]
    public void Reads_every_setting_and_defaults_the_rest()
    {
        var result = Load("  - name: serving\n    test: mann-whitney\n    alpha: 0.01\n    floor: 10%\n    minRuns: 5\n    format: vllm-json\n    thresholds: { ttft: 20%, itl.p99: 0.3 }\n  - name: nightly\n");
        Assert.Empty(result.Diagnostics);
        var (serving, nightly) = (result.Workspace!.Settings.MeasuredGates[0], result.Workspace.Settings.MeasuredGates[1]);
        Assert.Equal(("serving", SignificanceTest.MannWhitney, 0.01, 0.1, 5, "vllm-json"), (serving.Name, serving.Options.Test, serving.Options.Alpha, serving.Options.Floor, serving.Options.MinRuns, serving.Format));
        Assert.Equal((0.2, 0.3, 0.2, 0.1), (serving.Options.FloorFor("ttft.mean"), serving.Options.FloorFor("itl.p99"), serving.Options.FloorFor("ttft.p99"), serving.Options.FloorFor("itl.mean")));
        Assert.Equal((SignificanceTest.Welch, 0.05, 0.05, 3, (string?)null), (nightly.Options.Test, nightly.Options.Alpha, nightly.Options.Floor, nightly.Options.MinRuns, nightly.Format));
        Assert.Equal(("perfgate.yaml", 3), (serving.Location.File, serving.Location.Line));
    }

    [Fact]
    public void Every_bad_value_is_a_located_error()
    {
        var errors = Errors("  - { name: Serving/x, test: ttest, floor: five, format: vllm, thresholds: { tft: 5% }, gate: 1 }\n");
        Assert.Equal(
            [
                "perfgate.yaml(3,13): error PG2005: 'measured[0].name' is 'Serving/x'; a gate's name is the folder of its baseline under <baselines>/measured/: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit (e.g. qwen2-72b-a100)",
                "perfgate.yaml(3,30): error PG2005: 'measured[0].test' is 'ttest', which is not valid. Valid values: 'welch', 'mann-whitney'",
                "perfgate.yaml(3,44): error PG2005: 'measured[0].floor' is 'five'; write the least relative change that counts as a percentage such as 5% or a fraction such as 0.05",
                "perfgate.yaml(3,58): error PG2005: 'measured[0].format' is 'vllm' (did you mean 'vllm-json'?); use one of 'guidellm-json', 'guidellm-markdown', 'vllm-json', 'sglang-jsonl', 'aiperf-json', 'mindie-console', or leave it out to recognise each report",
                "perfgate.yaml(3,78): error PG2002: 'measured[0].thresholds' names 'tft' (did you mean 'ttft'?); a threshold's key is a metric ('requests_per_second', 'request_latency', 'ttft', 'itl', 'tpot', 'output_tokens_per_second', 'output_tokens_per_second_per_user'), optionally with a statistic (ttft.p99)",
                "perfgate.yaml(3,89): error PG2002: unknown key 'gate' in 'measured[0]' (did you mean 'name'?). Valid keys: 'name', 'test', 'alpha', 'floor', 'minRuns', 'format', 'thresholds'",
            ],
            errors);
    }

    [Fact]
    public void Alpha_minimum_runs_a_missing_name_and_a_duplicate_are_located_errors()
    {
        var errors = Errors("  - name: a\n    alpha: 0.9\n    minRuns: 0\n  - alpha: 0.01\n  - name: a\n");
        Assert.Equal(4, errors.Count);
        Assert.StartsWith("perfgate.yaml(4,12): error PG2005: 'measured[0].alpha'", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("perfgate.yaml(5,14): error PG2005: 'measured[0].minRuns'", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("perfgate.yaml(6,5): error PG2003: ", errors[2], StringComparison.Ordinal);
        Assert.Equal("perfgate.yaml(7,11): error PG2007: measured gate 'a' is declared twice (first at line 3); give each gate its own name", errors[3]);
    }

    [Fact]
    public void The_schema_lists_the_formats_and_tests_the_reader_takes()
    {
        using var schema = JsonDocument.Parse(JsonSchemas.Read("perfgate.schema.json"));
        var gate = schema.RootElement.GetProperty("properties").GetProperty(MeasuredGatesReader.Key).GetProperty("items").GetProperty("properties");
        Assert.Equal(MeasuredFormats.All.Select(f => f.Id), gate.GetProperty("format").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(MeasuredGatesReader.Tests.Select(t => t.Key), gate.GetProperty("test").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
    }
}
