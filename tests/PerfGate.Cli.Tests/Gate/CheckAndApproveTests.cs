using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Gate;

/// <summary>
/// perfgate check and approve end to end, in-process, on a temporary workspace (llama-3-8b on one H100,
/// decode section only): the CLI contract the MSBuild task builds against.
/// </summary>
public sealed class CheckAndApproveTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private void Approve()
    {
        var (code, output, error) = _ws.Run("approve", "--all");
        Assert.True(code == 0, output + error);
    }

    private static int LineOf(string text, string prefix) =>
        Array.FindIndex(text.Split('\n'), l => l.StartsWith(prefix, StringComparison.Ordinal)) + 1;

    [Fact]
    public void A_new_scenario_exits_1_with_PG1002_at_its_config_and_writes_a_received_snapshot()
    {
        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");
        Assert.Equal(1, code);
        Assert.Contains("scenarios/llama.yaml(1,1): error PG1002: llama: new scenario with no baseline", output, StringComparison.Ordinal);
        Assert.Contains("To approve: perfgate approve llama", output, StringComparison.Ordinal);
        Assert.True(_ws.Exists("baselines/llama.received.txt"));
        Assert.False(_ws.Exists("baselines/llama.verified.txt"));
    }

    [Fact]
    public void Approve_all_without_a_prior_check_then_check_passes_with_exit_0()
    {
        Approve();
        Assert.True(_ws.Exists("baselines/llama.verified.txt"));
        var (code, output, _) = _ws.Run("check");
        Assert.True(code == 0, output);
        Assert.Contains("1 equal, 0 drifted, 0 new, 0 removed - gate passed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error", output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_edited_config_drifts_with_PG1001_at_the_metric_line_and_names_the_changed_field()
    {
        Approve();
        var baseline = _ws.Read("baselines/llama.verified.txt");
        _ws.WriteScenario("llama", batch: 64);

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild", "--report", "json=report.json");

        Assert.Equal(1, code);
        var line = LineOf(baseline, "decode.throughput_per_card =");
        var drift = output.Split('\n').Single(l => l.Contains("decode.throughput_per_card", StringComparison.Ordinal));
        Assert.StartsWith($"baselines/llama.verified.txt({line},1): error PG1001: llama: decode.throughput_per_card ", drift, StringComparison.Ordinal);
        Assert.Contains("improvement", drift, StringComparison.Ordinal);
        Assert.Contains("decode.batch: 32 -> 64", drift, StringComparison.Ordinal);
        Assert.Contains("scenarios/llama.yaml (content changed)", drift, StringComparison.Ordinal);
        Assert.EndsWith("To approve: perfgate approve llama", drift, StringComparison.Ordinal);
        Assert.True(_ws.Exists("baselines/llama.received.txt"));
        Assert.Contains("\"status\": \"drifted\"", _ws.Read("report.json"), StringComparison.Ordinal);
        Assert.Equal(baseline, _ws.Read("baselines/llama.verified.txt"));
    }

    [Fact]
    public void A_broken_mindie_config_named_by_a_scenario_is_bad_input_at_its_line()
    {
        // The gate reads memory.mindieConfig through the same reader as 'perfgate memory --scenario': a JSON
        // syntax error (a missing comma after line 2) is PG4005 at the config's own line, exit 2, nothing approved.
        _ws.Write("scenarios/mindie/config.json", "{\n  \"BackendConfig\": {}\n  \"ServerConfig\": {}\n}\n");
        _ws.Write("scenarios/qwq.yaml", "kind: scenario\nid: qwq\nmodel: qwq-32b\nhardware: ascend-910b3\nparallelism: {tp: 4}\nmemory:\n  engine: mindie\n  mindieConfig: mindie/config.json\n");

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");

        Assert.Equal(2, code);
        Assert.Contains("scenarios/mindie/config.json(3,", output, StringComparison.Ordinal);
        Assert.Contains("error PG4005:", output, StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/qwq.received.txt"));
    }

    [Fact]
    public void Drift_as_warning_still_exits_1()
    {
        Approve();
        _ws.WriteScenario("llama", batch: 64);
        var (code, output, _) = _ws.Run("check", "--drift-as", "warning", "--diagnostics-format", "msbuild");
        Assert.Equal(1, code);
        Assert.Contains("warning PG1001", output, StringComparison.Ordinal);
        Assert.DoesNotContain("error PG1001", output, StringComparison.Ordinal);
    }

    [Fact]
    public void In_GitHub_Actions_diagnostics_are_annotations_and_markdown_goes_to_the_step_summary()
    {
        Approve();
        _ws.WriteScenario("llama", batch: 64);
        var summary = Path.Combine(_ws.Root, "summary.md");
        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = summary };

        var (code, output, _) = _ws.Run(env, "check", "--report", "markdown");

        Assert.Equal(1, code);
        Assert.Contains("::error file=baselines/llama.verified.txt,line=", output, StringComparison.Ordinal);
        Assert.DoesNotContain("): error PG1001", output, StringComparison.Ordinal);
        Assert.StartsWith("### PerfGate: gate failed", File.ReadAllText(summary), StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_edited_baseline_exits_2_with_PG1004_naming_file_and_line()
    {
        Approve();
        var text = _ws.Read("baselines/llama.verified.txt");
        var line = LineOf(text, "decode.step_time =");
        var lines = text.Split('\n');
        lines[line - 1] = lines[line - 1].Replace('.', ',');
        _ws.Write("baselines/llama.verified.txt", string.Join('\n', lines));

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");

        Assert.Equal(2, code);
        Assert.Contains($"baselines/llama.verified.txt({line},", output, StringComparison.Ordinal);
        Assert.Contains("error PG1004: corrupt baseline:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_removed_scenario_exits_1_with_PG1003_and_approve_all_deletes_its_baseline()
    {
        _ws.WriteScenario("other", batch: 8);
        Approve();
        File.Delete(Path.Combine(_ws.Root, "scenarios/other.yaml"));

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");
        Assert.Equal(1, code);
        Assert.Contains("baselines/other.verified.txt(4,1): error PG1003: other: baseline without a scenario", output, StringComparison.Ordinal);

        var (approveCode, approveOut, _) = _ws.Run("approve", "--all");
        Assert.Equal(0, approveCode);
        Assert.Contains("removed  baselines/other.verified.txt", approveOut, StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/other.verified.txt"));
    }

    [Fact]
    public void Approve_prints_what_changed_and_removes_the_received_file()
    {
        Approve();
        _ws.WriteScenario("llama", batch: 64);
        _ws.Run("check");
        var (code, output, _) = _ws.Run("approve", "llama");
        Assert.Equal(0, code);
        Assert.Contains("updated  baselines/llama.verified.txt:", output, StringComparison.Ordinal);
        Assert.Contains("decode.throughput_per_card", output, StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/llama.received.txt"));
        Assert.Equal(0, _ws.Run("check").ExitCode);
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("GITHUB_ACTIONS", "true")]
    public void Approve_is_refused_on_CI_unless_forced(string variable, string value)
    {
        var env = new Dictionary<string, string> { [variable] = value };
        var (code, _, error) = _ws.Run(env, "approve", "--all");
        Assert.Equal(2, code);
        Assert.Contains("error PG1006: approve refused", error, StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/llama.verified.txt"));

        Assert.Equal(0, _ws.Run(env, "approve", "--all", "--force").ExitCode);
        Assert.True(_ws.Exists("baselines/llama.verified.txt"));
    }

    [Fact]
    public void Approve_of_an_unknown_scenario_exits_2_and_lists_the_known_ones()
    {
        var (code, output, _) = _ws.Run("approve", "lama");
        Assert.Equal(2, code);
        Assert.Contains("no scenario or baseline named 'lama' (did you mean 'llama'?); known: llama", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_without_names_or_all_is_a_usage_error()
    {
        var (code, _, error) = _ws.Run("approve");
        Assert.Equal(2, code);
        Assert.Contains("--all", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--report", "pdf")]
    [InlineData("--report", "json=")]
    [InlineData("--drift-as", "fatal")]
    [InlineData("--diagnostics-format", "sarif")]
    public void Bad_options_exit_2(string option, string value)
    {
        var (code, _, error) = _ws.Run("check", option, value);
        Assert.Equal(2, code);
        Assert.Contains(value.TrimEnd('='), error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_without_perfgate_yaml_exits_2()
    {
        var (code, output, _) = _ws.Run("check", "--workspace", "nowhere", "--diagnostics-format", "msbuild");
        Assert.Equal(2, code);
        Assert.Contains("PG2010", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("json", "out")]
    [InlineData("junit", "perfgate.yaml/x.xml")]
    [InlineData("html", "out")]
    [InlineData("html", "perfgate.yaml/r.html")]
    [InlineData("bmf", "perfgate.yaml/b.json")]
    [InlineData("github-benchmark-smaller", "out")]
    [InlineData("github-benchmark-bigger", "perfgate.yaml/g.json")]
    public void A_report_file_that_cannot_be_written_is_PG2017_at_the_path_with_exit_2(string kind, string target)
    {
        Directory.CreateDirectory(Path.Combine(_ws.Root, "out"));
        var (code, output, error) = _ws.Run("check", "--diagnostics-format", "msbuild", "--report", $"{kind}={target}");

        Assert.Equal(2, code);
        Assert.Equal(string.Empty, error);
        var line = output.Split('\n').Single(l => l.Contains("PG2017", StringComparison.Ordinal));
        Assert.StartsWith($"{target}: error PG2017: --report {kind}: ", line, StringComparison.Ordinal);
        Assert.Contains(target == "out" ? "this is a folder; name a file to write" : "cannot write the file: ", line, StringComparison.Ordinal);
        // The gate's own findings are still printed, and perfgate.yaml is untouched.
        Assert.Contains("error PG1002: llama: new scenario", output, StringComparison.Ordinal);
        Assert.StartsWith("scenarios:", _ws.Read("perfgate.yaml"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("folder")]
    [InlineData("perfgate.yaml/summary.md")]
    public void An_unwritable_job_summary_is_a_warning_and_the_exit_code_is_the_gates(string summary)
    {
        Approve();
        Directory.CreateDirectory(Path.Combine(_ws.Root, "folder"));
        var env = new Dictionary<string, string> { ["GITHUB_ACTIONS"] = "true", ["GITHUB_STEP_SUMMARY"] = Path.Combine(_ws.Root, summary) };

        var (code, output, error) = _ws.Run(env, "check", "--report", "markdown", "--diagnostics-format", "msbuild");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        var warning = Assert.Single(output.Split('\n'), l => l.Contains("PG2017", StringComparison.Ordinal));
        Assert.StartsWith($"{summary}: warning PG2017: GITHUB_STEP_SUMMARY: cannot append the markdown report to the job summary (", warning, StringComparison.Ordinal);
        Assert.EndsWith("the gate's result and exit code are unaffected. Point GITHUB_STEP_SUMMARY at a writable file, or write the report with --report markdown=FILE", warning, StringComparison.Ordinal);
        if (summary == "folder")
        {
            Assert.Contains("(it is a folder, not a file)", warning, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void A_received_file_that_cannot_be_written_is_PG1007_at_that_file_with_exit_2()
    {
        Approve();
        _ws.WriteScenario("llama", batch: 64);
        // A folder where the received file belongs: the atomic rename fails (works even when running as root).
        Directory.CreateDirectory(Path.Combine(_ws.Baselines, "llama.received.txt"));

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");

        Assert.Equal(2, code);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("PG1007", StringComparison.Ordinal));
        Assert.StartsWith("baselines/llama.received.txt: error PG1007: check could not write the received snapshot of 'llama': ", line, StringComparison.Ordinal);
        Assert.EndsWith("make the baselines folder writable (or remove the file by hand) and run check again", line, StringComparison.Ordinal);
        Assert.Contains("error PG1001: llama: decode.throughput_per_card", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("validate")]
    [InlineData("check")]
    public void A_tp_the_model_cannot_be_split_by_is_PG3001_at_parallelism_tp_without_a_decode_section(string command)
    {
        // llama-3-8b has 32 attention heads; TP 3 does not divide them. No decode:/memory: section.
        _ws.Write("scenarios/llama.yaml", "kind: scenario\nid: llama\nmodel: llama-3-8b\nhardware: h100-sxm\nparallelism:\n  tp: 3\n");

        var (code, output, error) = command == "check" ? _ws.Run("check", "--diagnostics-format", "msbuild") : _ws.Run("validate");

        Assert.Equal(2, code);
        Assert.Contains(
            "scenarios/llama.yaml(6,3): error PG3001: scenario 'llama': parallelism.tp: TP 3 does not divide the 32 attention heads of llama-3-8b; use a TP of 1, 2, 4, 8, 16, 32",
            output + error,
            StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/llama.received.txt"));
    }

    [Fact]
    public void The_console_report_is_byte_identical_under_a_decimal_comma_culture()
    {
        Approve();
        _ws.WriteScenario("llama", batch: 64);

        var invariant = SnapshotAssert.Under("invariant", () => _ws.Run("check", "--diagnostics-format", "msbuild").Out);
        var german = SnapshotAssert.Under("de-DE", () => _ws.Run("check", "--diagnostics-format", "msbuild").Out);

        Assert.Equal(invariant, german);
        // The drift rows show e.g. "+100 % improvement" and decimals with a point, never a comma.
        Assert.Matches(@"\d\.\d+ tok/s", invariant);
        Assert.DoesNotMatch(@"\d,\d+ tok/s", german);
    }

    [Fact]
    public void Reports_go_to_the_named_files()
    {
        var (code, _, _) = _ws.Run("check", "--report", "junit=out/junit.xml", "--report", "markdown=out/report.md", "--report", "json=out/report.json");
        Assert.Equal(1, code);
        Assert.Contains("<testcase classname=\"perfgate.baselines\" name=\"llama\"", _ws.Read("out/junit.xml"), StringComparison.Ordinal);
        Assert.StartsWith("### PerfGate: gate failed", _ws.Read("out/report.md"), StringComparison.Ordinal);
        Assert.Contains("\"status\": \"new\"", _ws.Read("out/report.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_named_in_perfgate_yaml_are_written_on_every_check()
    {
        _ws.Write("perfgate.yaml", "scenarios:\n  - scenarios/*.yaml\nbaselines: baselines\nreports:\n  directory: out\n  formats: [markdown, json, junit]\n");
        Approve();
        Assert.Equal(0, _ws.Run("check").ExitCode);
        Assert.StartsWith("### PerfGate: gate passed", _ws.Read("out/perfgate.md"), StringComparison.Ordinal);
        Assert.Contains("\"passed\": true", _ws.Read("out/perfgate.json"), StringComparison.Ordinal);
        Assert.Contains("failures=\"0\"", _ws.Read("out/perfgate.junit.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_tolerance_in_perfgate_yaml_lets_a_small_drift_pass_and_reports_it()
    {
        // A baseline whose figures are a few percent off (those of batch 33, throughput about +3 %) while its settings
        // are the scenario's (batch 32): figures within 10 % pass. A changed setting itself always drifts.
        _ws.WriteScenario("llama", batch: 33);
        Approve();
        _ws.Write("baselines/llama.verified.txt", _ws.Read("baselines/llama.verified.txt").Replace("decode.batch = \"33\"", "decode.batch = \"32\"", StringComparison.Ordinal));
        _ws.WriteScenario("llama", batch: 32);
        _ws.Write("perfgate.yaml", "scenarios:\n  - scenarios/*.yaml\nbaselines: baselines\ntolerances:\n  - scenario: \"lla*\"\n    metric: \"*\"\n    relative: \"10%\"\n");
        var (code, output, _) = _ws.Run("check");
        Assert.True(code == 0, output);
        Assert.Contains("figure(s) within tolerance", output, StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/llama.received.txt"));

        // Batch 32 -> 64 is far beyond 10 %.
        _ws.WriteScenario("llama", batch: 64);
        Assert.Equal(1, _ws.Run("check").ExitCode);
    }

    [Fact]
    public void A_scenario_an_estimate_rejects_exits_2_pointing_at_the_scenario_not_the_builtin_catalog()
    {
        // TP 3 divides neither llama-3-8b's 32 heads nor its 14336 MLP width; the heads rule applies to every
        // scenario and is reported at load, at the tp key (line 5, column 15 of the flow mapping).
        _ws.Write("scenarios/llama.yaml", "kind: scenario\nid: llama\nmodel: llama-3-8b\nhardware: h100-sxm\nparallelism: {tp: 3}\ndecode:\n  batch: 8\n");
        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");
        Assert.Equal(2, code);
        Assert.Contains("scenarios/llama.yaml(5,15): error PG3001: scenario 'llama': parallelism.tp: TP 3 does not divide the 32 attention heads", output, StringComparison.Ordinal);
        Assert.DoesNotContain("builtin:llama-3-8b.yaml(", output, StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/llama.received.txt"));
    }
}
