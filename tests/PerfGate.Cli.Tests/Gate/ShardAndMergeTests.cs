namespace PerfGate.Tests.Gate;

/// <summary>
/// perfgate check --shard and perfgate merge end to end: the shards' reports merged give the JSON report, the
/// diagnostics and the exit code of one check of the whole workspace; bad shards and reports are exit 2.
/// </summary>
public sealed class ShardAndMergeTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public ShardAndMergeTests()
    {
        for (var i = 0; i < 9; i++)
        {
            _ws.WriteScenario($"s{i}", batch: 4 + i);
        }

        var (code, output, error) = _ws.Run("approve", "--all");
        Assert.True(code == 0, output + error);

        // One drift, one removed scenario, one new one.
        _ws.WriteScenario("s3", batch: 64);
        File.Delete(Path.Combine(_ws.Root, "scenarios", "s5.yaml"));
        _ws.WriteScenario("s9", batch: 2);
    }

    public void Dispose() => _ws.Dispose();

    private static string[] Diagnostics(string output) => output.Split('\n').Where(l => l.Contains(": error PG", StringComparison.Ordinal)).ToArray();

    [Fact]
    public void Merged_shard_reports_equal_one_check_of_the_whole_workspace()
    {
        var whole = _ws.Run("check", "--report", "json=whole.json", "--report", "bmf=whole.bmf.json", "--report", "github-benchmark-smaller=whole.gs.json", "--diagnostics-format", "msbuild");
        Assert.Equal(1, whole.ExitCode);

        var shards = Enumerable.Range(1, 3).Select(i => _ws.Run("check", "--shard", $"{i}/3", "--report", "console", "--diagnostics-format", "msbuild")).ToList();
        Assert.All(shards, s => Assert.True(s.ExitCode is 0 or 1, s.Out + s.Error));
        var merge = _ws.Run("merge", "perfgate-shard-3-of-3.json", "perfgate-shard-1-of-3.json", "perfgate-shard-2-of-3.json",
            "--report", "console", "--report", "json=merged.json", "--report", "bmf=merged.bmf.json", "--report", "github-benchmark-smaller=merged.gs.json",
            "--diagnostics-format", "msbuild");

        Assert.Equal(1, merge.ExitCode);
        Assert.Equal(_ws.Read("whole.json"), _ws.Read("merged.json"));
        Assert.Contains("\"key\": \"decode.step_time\"", _ws.Read("merged.json"), StringComparison.Ordinal); // every figure (schema /2) survives the merge
        Assert.Equal(Diagnostics(whole.Out), Diagnostics(merge.Out));

        // The chart exports of the merge are those of the whole check: the figures come back from each shard's JSON.
        Assert.Equal(_ws.Read("whole.bmf.json"), _ws.Read("merged.bmf.json"));
        Assert.Equal(_ws.Read("whole.gs.json"), _ws.Read("merged.gs.json"));
        Assert.Contains("\"s3 decode.step_time\"", _ws.Read("merged.gs.json"), StringComparison.Ordinal);
        Assert.StartsWith("PerfGate: 11 scenario(s): 8 equal, 1 drifted, 1 new, 1 removed - gate failed\n", merge.Out, StringComparison.Ordinal);
        Assert.Contains(Diagnostics(merge.Out), l => l.Contains("error PG1001: s3:", StringComparison.Ordinal));
        Assert.Contains(Diagnostics(merge.Out), l => l.Contains("error PG1002: s9:", StringComparison.Ordinal));
        Assert.Contains(Diagnostics(merge.Out), l => l.Contains("error PG1003: s5:", StringComparison.Ordinal));
    }

    [Fact]
    public void Merging_passing_shards_exits_0()
    {
        _ws.Run("approve", "--all");
        foreach (var i in new[] { 1, 2 })
        {
            Assert.Equal(0, _ws.Run("check", "--shard", $"{i}/2", "--report", $"json=p{i}.json").ExitCode);
        }

        var merge = _ws.Run("merge", "p1.json", "p2.json");

        Assert.Equal(0, merge.ExitCode);
        Assert.Equal("PerfGate: 10 scenario(s): 10 equal, 0 drifted, 0 new, 0 removed - gate passed\n", merge.Out);
    }

    [Theory]
    [InlineData("3/2", "perfgate: error PG2014: --shard '3/2': the shard index must be from 1 to 2, e.g. --shard 1/2")]
    [InlineData("0/0", "perfgate: error PG2014: --shard '0/0': the shard count must be at least 1, e.g. --shard 1/4")]
    public void A_bad_shard_is_a_usage_error_with_exit_2(string shard, string expected)
    {
        var (code, _, error) = _ws.Run("check", "--shard", shard);

        Assert.Equal(2, code);
        Assert.Equal(expected, error.Split('\n')[0]);
    }

    [Fact]
    public void Merge_of_a_malformed_report_is_exit_2_at_the_file_line_and_column()
    {
        _ws.Write("bad.json", "{\n  \"schema\": \"perfgate-check/2\",\n  \"shard\": 1\n}\n");

        var (code, output, _) = _ws.Run("merge", "bad.json", "--diagnostics-format", "msbuild");

        Assert.Equal(2, code);
        Assert.Equal("bad.json(3,12): error PG5201: \"shard\" is the number 1, expected INDEX/COUNT such as \"1/4\"", output.TrimEnd('\n'));
    }

    [Fact]
    public void Merge_of_a_missing_report_is_exit_2_naming_it()
    {
        var (code, output, _) = _ws.Run("merge", "nowhere.json", "--diagnostics-format", "msbuild");

        Assert.Equal(2, code);
        Assert.Equal("nowhere.json: error PG2010: the shard report does not exist; give the JSON report each perfgate check --shard i/n wrote", output.TrimEnd('\n'));
    }

    [Fact]
    public void Merge_refuses_reports_it_cannot_join()
    {
        var (code, _, error) = _ws.Run("merge", "a.json", "--report", "markdown");

        Assert.Equal(2, code);
        Assert.Equal("perfgate: error PG2014: --report 'markdown': merge writes console, json, bmf, github-benchmark-smaller, github-benchmark-bigger; the other reports need the recomputed drifts, which only check has", error.Split('\n')[0]);
    }
}
