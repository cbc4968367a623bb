using System.Globalization;

namespace PerfGate.Tests.Commands;

public sealed class MeasuredCommandTests
{
    private static string Line(double ttft, double rps) => string.Create(
        CultureInfo.InvariantCulture,
        $"{{\"backend\": \"sglang\", \"request_rate\": Infinity, \"max_concurrency\": 8, \"completed\": 256, \"request_throughput\": {rps}, \"mean_e2e_latency_ms\": 2950.1, \"mean_ttft_ms\": {ttft}}}\n");

    [Fact]
    public void Import_prints_the_runs_and_writes_csv()
    {
        using var dir = new TempDirectory();
        dir.Write("runs.jsonl", Line(600, 2.7) + Line(610, 2.69));
        var (code, output, error) = AppHarness.RunIn(dir.Path, "measured", "import", "runs.jsonl", "--csv", "out/runs.csv", "--model", "qwen2-72b");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("runs.jsonl(2)  sglang-jsonl  SGLang qwen2-72b  concurrency@8", output, StringComparison.Ordinal);
        var csv = File.ReadAllText(Path.Combine(dir.Path, "out", "runs.csv"));
        Assert.StartsWith("file,line,format,label,engine,model,", csv, StringComparison.Ordinal);
        Assert.Contains("runs.jsonl,2,sglang-jsonl,concurrency@8,SGLang,qwen2-72b,,,,concurrency,,8,,,false,ttft,mean,610,ms,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public void A_sidecar_says_what_the_report_does_not_and_options_win()
    {
        using var dir = new TempDirectory();
        dir.Write("runs.jsonl", Line(600, 2.7));
        dir.Write("runs.jsonl.perfgate.yaml", "hardware: a100-80g\ncards: 8\nmodel: qwen2-72b\n");
        var (code, output, _) = AppHarness.RunIn(dir.Path, "measured", "import", "runs.jsonl", "--json", "--model", "qwen2-57b-a14b");
        Assert.Equal(0, code);
        Assert.Contains("\"model\": \"qwen2-57b-a14b\",\n        \"hardware\": \"a100-80g\",\n        \"cards\": 8", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_sidecar_key_is_a_located_error()
    {
        using var dir = new TempDirectory();
        dir.Write("runs.jsonl", Line(600, 2.7));
        dir.Write("runs.jsonl.perfgate.yaml", "hardware: a100-80g\ngpus: 8\n");
        var (code, _, error) = AppHarness.RunIn(dir.Path, "measured", "import", "runs.jsonl");
        Assert.Equal(2, code);
        Assert.StartsWith("runs.jsonl.perfgate.yaml(2,1): error PG2002: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_report_is_a_located_error_with_exit_2()
    {
        using var dir = new TempDirectory();
        dir.Write("runs.jsonl", Line(600, 2.7) + "{\"backend\": \"sglang\", \"mean_e2e_latency_ms\": 1,\n");
        var (code, output, error) = AppHarness.RunIn(dir.Path, "measured", "import", "runs.jsonl");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("runs.jsonl(2,47): error PG5101: not valid JSON:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_fails_on_a_significant_regression_beyond_the_floor()
    {
        using var dir = new TempDirectory();
        dir.Write("base.jsonl", Line(600, 2.7) + Line(605, 2.71) + Line(595, 2.69));
        dir.Write("new.jsonl", Line(700, 2.7) + Line(705, 2.7) + Line(695, 2.7));
        var (code, output, error) = AppHarness.RunIn(dir.Path, "measured", "compare", "base.jsonl", "new.jsonl", "--bmf", "bmf.json", "--github-benchmark-smaller", "smaller.json");
        Assert.Equal(1, code);
        Assert.Contains("concurrency@8  ttft.mean", output, StringComparison.Ordinal);
        Assert.StartsWith("perfgate: error PG5107: concurrency@8 ttft.mean: 600 -> 700 ms (16.6667 %, floor 5 %, p = ", error, StringComparison.Ordinal);
        Assert.Contains("\"SGLang / concurrency@8\": {", File.ReadAllText(Path.Combine(dir.Path, "bmf.json")), StringComparison.Ordinal);
        Assert.Contains("\"name\": \"SGLang / concurrency@8 ttft.mean\"", File.ReadAllText(Path.Combine(dir.Path, "smaller.json")), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_passes_within_a_per_metric_threshold()
    {
        using var dir = new TempDirectory();
        dir.Write("base.jsonl", Line(600, 2.7) + Line(605, 2.71) + Line(595, 2.69));
        dir.Write("new.jsonl", Line(700, 2.7) + Line(705, 2.7) + Line(695, 2.7));
        var (code, output, _) = AppHarness.RunIn(dir.Path, "measured", "compare", "base.jsonl", "new.jsonl", "--threshold", "ttft=20%", "--report", "json");
        Assert.Equal(0, code);
        Assert.Contains("\"regression\": false", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--floor", "5", "perfgate: error PG2014: --floor: '5' is not a percentage; write e.g. 5%")]
    [InlineData("--test", "t", "perfgate: error PG2014: --test: 't' is not a test; use one of welch, mann-whitney")]
    [InlineData("--threshold", "latency=5%", "perfgate: error PG2014: --threshold: 'latency=5%' is not METRIC=PERCENT with METRIC one of requests_per_second,")]
    [InlineData("--report", "html", "perfgate: error PG2014: --report: 'html' is not a report format; use one of console, markdown, json")]
    [InlineData("--alpha", "1.5", "perfgate: error PG2014: --alpha: 1.5 must be between 0 and 1")]
    public void Bad_gate_options_are_usage_errors(string option, string value, string message)
    {
        using var dir = new TempDirectory();
        dir.Write("base.jsonl", Line(600, 2.7));
        var (code, _, error) = AppHarness.RunIn(dir.Path, "measured", "compare", "base.jsonl", "base.jsonl", option, value);
        Assert.Equal(2, code);
        Assert.StartsWith(message, error, StringComparison.Ordinal);
    }
}
