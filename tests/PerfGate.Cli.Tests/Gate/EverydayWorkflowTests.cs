namespace PerfGate.Tests.Gate;

/// <summary>Issue 12: found from any folder, one scenario at a time, list, accepted differences end to end.</summary>
public sealed class EverydayWorkflowTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Commands_find_perfgate_yaml_in_a_parent_folder()
    {
        _ws.Write("deploy/notes/README.md", "a sub-folder of the workspace\n");
        var sub = Path.Combine(_ws.Root, "deploy", "notes");
        var (approveCode, approveOut, approveErr) = AppHarness.RunIn(sub, "approve", "--all");
        Assert.True(approveCode == 0, approveOut + approveErr);
        Assert.True(_ws.Exists("baselines/llama.verified.txt"));
        var (code, output, _) = AppHarness.RunIn(sub, "check");
        Assert.True(code == 0, output);
        Assert.Contains("1 equal, 0 drifted, 0 new, 0 removed - gate passed", output, StringComparison.Ordinal);
        Assert.Equal(0, AppHarness.RunIn(sub, "validate").ExitCode);
    }

    [Fact]
    public void Estimate_inside_a_workspace_sees_its_own_catalog()
    {
        _ws.Write("catalog/my-gpu.yaml", "kind: hardware\nid: my-gpu\nname: My GPU\nvendor: Acme\nmemory: 24 GiB\nmemoryBandwidth: 1 TB/s\nbf16: 100 TFLOPS\nsystemReservedMemory: 0 MiB\nefficiency: roofline\nkernelLaunchOverhead: 0 us\nsource: https://example.com\n");
        _ws.Write("perfgate.yaml", "catalog: [catalog]\nscenarios:\n  - scenarios/*.yaml\nbaselines: baselines\n");
        var (code, output, error) = _ws.Run("estimate", "--model", "llama-3-8b", "--hardware", "my-gpu", "--batch", "1", "--context", "100");
        Assert.True(code == 0, output + error);
        Assert.Contains("llama-3-8b on my-gpu", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_and_approve_take_scenario_names_and_globs_and_list_shows_the_scenarios()
    {
        _ws.WriteScenario("qwq-a", batch: 8, model: "qwq-32b");
        _ws.WriteScenario("qwq-b", batch: 8, model: "qwq-32b");
        var (approveCode, approveOut, _) = _ws.Run("approve", "qwq-*");
        Assert.Equal(0, approveCode);
        Assert.Contains("baselines/qwq-a.verified.txt", approveOut, StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/llama.verified.txt"));

        // Only the qwq scenarios are compared: llama (no baseline yet) is neither new nor failing here.
        var (code, output, _) = _ws.Run("check", "qwq-*");
        Assert.True(code == 0, output);
        Assert.Contains("2 scenario(s): 2 equal, 0 drifted, 0 new, 0 removed - gate passed", output, StringComparison.Ordinal);

        var (unknown, unknownOut, error) = _ws.Run("check", "qwq-c");
        Assert.Equal(2, unknown);
        Assert.Contains("error PG2008: no scenario matches 'qwq-c' (did you mean 'qwq-a'?); scenarios: llama, qwq-a, qwq-b", unknownOut + error, StringComparison.Ordinal);

        var (listCode, list, _) = _ws.Run("list");
        Assert.Equal(0, listCode);
        Assert.Contains("| qwq-b | qwq-32b    | h100-sxm | 1     | decode   |", list, StringComparison.Ordinal);
    }

    [Fact]
    public void An_accepted_difference_passes_check_and_the_report_says_why()
    {
        Assert.Equal(0, _ws.Run("approve", "--all").ExitCode);
        _ws.WriteScenario("llama", batch: 64);
        _ws.Write("perfgate.yaml", "scenarios:\n  - scenarios/*.yaml\nbaselines: baselines\naccepted:\n  - scenario: llama\n    metric: \"*\"\n    reason: \"batch 64 trial, see #7\"\n");
        var (code, output, _) = _ws.Run("check", "--report", "json=report.json");
        Assert.True(code == 0, output);
        Assert.Contains("\"passedBecause\": \"accepted: batch 64 trial, see #7\"", _ws.Read("report.json"), StringComparison.Ordinal);
    }

    [Fact]
    public void Misspelled_options_and_ids_get_did_you_mean()
    {
        var (code, _, error) = _ws.Run("estimate", "--model", "llama-3-8b", "--hardware", "h100-sxm", "--bacth", "3");
        Assert.Equal(2, code);
        Assert.Contains("perfgate: error PG2014: Unrecognized command or argument '--bacth'. (did you mean '--batch'?)", error, StringComparison.Ordinal);

        var (idCode, _, idError) = _ws.Run("estimate", "--model", "llama3-8b", "--hardware", "h100-sxm");
        Assert.Equal(2, idCode);
        Assert.Contains("--model: unknown model 'llama3-8b' (did you mean 'llama-3-8b'?)", idError, StringComparison.Ordinal);
    }
}
