using System.Text.Json;
using System.Text.RegularExpressions;

namespace PerfGate.Tests.Gate;

/// <summary>
/// perfgate check's file reports end to end on a workspace with a decode and a memory section: the HTML page (with the
/// memory picture and the decode breakdown), the chart exports, JUnit times, the trend-ready JSON, the configured
/// baselines folder in the Markdown footer, and did-you-mean for a report name that is not one.
/// </summary>
public sealed partial class ReportFilesTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public ReportFilesTests()
    {
        _ws.Write("perfgate.yaml", "scenarios:\n  - scenarios/*.yaml\nbaselines: perf/approved\n");
        _ws.Write("scenarios/qwq.yaml", "kind: scenario\nid: qwq\nmodel: qwq-32b\nhardware: h100-sxm\nmemory:\n  engine: vllm\n  memoryFraction: 0.9\n  maxSeqLen: 8192\n  inputTokens: 2048\n  outputTokens: 512\ndecode:\n  batch: 16\n  context: 4096\n");
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Check_writes_every_file_report_from_one_run()
    {
        var (code, output, error) = _ws.Run("check", "--diagnostics-format", "msbuild",
            "--report", "html=out/r.html", "--report", "bmf=out/b.json", "--report", "github-benchmark-smaller=out/s.json",
            "--report", "github-benchmark-bigger=out/g.json", "--report", "junit=out/j.xml", "--report", "json=out/c.json", "--report", "markdown=out/m.md");
        Assert.True(code == 1, output + error); // new scenarios: drift, every report still written

        var html = _ws.Read("out/r.html");
        Assert.StartsWith("<!DOCTYPE html>\n", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Memory per card (now)</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Decode step time per operator, baseline vs now</h3>", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Throughput per card, baseline vs now</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Baselines: <code>perf/approved/*.verified.txt</code>", html, StringComparison.Ordinal);

        using var bmf = JsonDocument.Parse(_ws.Read("out/b.json"));
        Assert.True(bmf.RootElement.GetProperty("qwq").GetProperty("decode.step_time").GetProperty("value").GetDouble() > 0);
        using var smaller = JsonDocument.Parse(_ws.Read("out/s.json"));
        Assert.Contains(smaller.RootElement.EnumerateArray(), e => e.GetProperty("name").GetString() == "qwq decode.step_time" && e.GetProperty("unit").GetString() == "ms");
        using var bigger = JsonDocument.Parse(_ws.Read("out/g.json"));
        Assert.Contains(bigger.RootElement.EnumerateArray(), e => e.GetProperty("name").GetString() == "qwq decode.throughput_per_card");

        // JUnit: the scenario's evaluation time in seconds, invariant with 3 decimals.
        Assert.Matches(TestCaseTime(), _ws.Read("out/j.xml"));

        // JSON: every figure, the memory stack and the decode breakdown included.
        using var json = JsonDocument.Parse(_ws.Read("out/c.json"));
        var keys = json.RootElement.GetProperty("scenarios").EnumerateArray().Single(s => s.GetProperty("id").GetString() == "qwq").GetProperty("figures").EnumerateArray().Select(f => f.GetProperty("key").GetString()).ToList();
        Assert.Contains("memory.stack.weights", keys);
        Assert.Contains("decode.breakdown[dense/attention].time", keys);

        Assert.Contains("then commit the changed `perf/approved/*.verified.txt`.", _ws.Read("out/m.md"), StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_refused_under_CI_names_the_configured_baselines_folder()
    {
        var (code, _, error) = _ws.Run(new Dictionary<string, string> { ["CI"] = "true" }, "approve", "--all");
        Assert.Equal(2, code);
        Assert.Contains("review the diff of perf/approved/*.verified.txt and commit it", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("htlm=r.html", "--report 'htlm=r.html' is not a report (did you mean 'html'?); use console, markdown[=FILE], json[=FILE], junit[=FILE], html[=FILE], bmf[=FILE], github-benchmark-smaller[=FILE], github-benchmark-bigger[=FILE]")]
    [InlineData("github-benchmark=b.json", "--report 'github-benchmark=b.json' is not a report (did you mean 'github-benchmark-smaller' or 'github-benchmark-bigger'?); use ")]
    public void An_unknown_report_is_exit_2_with_did_you_mean(string value, string message)
    {
        var (code, _, error) = _ws.Run("check", "--report", value);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [GeneratedRegex("<testcase classname=\"perfgate.baselines\" name=\"qwq\" file=\"perf/approved/qwq.verified.txt\" time=\"[0-9]+\\.[0-9]{3}\"")]
    private static partial Regex TestCaseTime();
}
