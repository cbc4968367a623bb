namespace PerfGate.Tests.Gate;

/// <summary>perfgate check verifies the whole baseline: an edited setting fails naming it; an edited comment passes with a notice.</summary>
public sealed class WholeSnapshotCheckTests : IDisposable
{
    private readonly TempWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void Editing_hardware_bf16_in_a_baseline_fails_check_naming_the_key()
    {
        Assert.Equal(0, _ws.Run("approve", "--all").ExitCode);
        var baseline = _ws.Read("baselines/llama.verified.txt");
        var line = Array.FindIndex(baseline.Split('\n'), l => l.StartsWith("hardware.bf16 = ", StringComparison.Ordinal)) + 1;
        Assert.True(line > 0, baseline);
        var edited = string.Join('\n', baseline.Split('\n').Select(l => l.StartsWith("hardware.bf16 = ", StringComparison.Ordinal) ? "hardware.bf16 = \"1\"" : l));
        _ws.Write("baselines/llama.verified.txt", edited);

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");

        Assert.Equal(1, code);
        Assert.Contains($"baselines/llama.verified.txt({line},1): error PG1001: llama: setting hardware.bf16 \"1\" -> ", output, StringComparison.Ordinal);
        Assert.Contains("1 setting(s) differ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_a_comment_in_the_scenario_passes_with_a_stale_provenance_notice_and_approve_refreshes_it()
    {
        Assert.Equal(0, _ws.Run("approve", "--all").ExitCode);
        _ws.Write("scenarios/llama.yaml", _ws.Read("scenarios/llama.yaml") + "# a comment\n");

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");

        Assert.True(code == 0, output);
        Assert.Contains("info PG1008: llama: every figure and setting equals the baseline, but its recorded provenance is stale: scenarios/llama.yaml (content changed)", output, StringComparison.Ordinal);
        Assert.Contains("provenance stale", output, StringComparison.Ordinal);
        Assert.False(_ws.Exists("baselines/llama.received.txt"));

        Assert.Equal(0, _ws.Run("approve", "llama").ExitCode);
        var (again, after, _) = _ws.Run("check", "--diagnostics-format", "msbuild");
        Assert.Equal(0, again);
        Assert.DoesNotContain("PG1008", after, StringComparison.Ordinal);
    }

    [Fact]
    public void A_baseline_that_is_not_utf8_exits_2_with_PG1004_at_the_byte()
    {
        Assert.Equal(0, _ws.Run("approve", "--all").ExitCode);
        var path = Path.Combine(_ws.Baselines, "llama.verified.txt");
        var bytes = File.ReadAllBytes(path);
        bytes[0] = 0xC3; // a lead byte followed by '#' (line 1, column 1)
        bytes[1] = (byte)' ';
        File.WriteAllBytes(path, bytes);

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");

        Assert.Equal(2, code);
        Assert.Contains("baselines/llama.verified.txt(1,1): error PG1004: corrupt baseline: byte 0 (0xC3) is not valid UTF-8", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_folder_named_like_the_baseline_exits_2_with_a_located_PG1004()
    {
        Directory.CreateDirectory(Path.Combine(_ws.Baselines, "llama.verified.txt"));

        var (code, output, _) = _ws.Run("check", "--diagnostics-format", "msbuild");

        Assert.Equal(2, code);
        Assert.Contains("baselines/llama.verified.txt(1,1): error PG1004: corrupt baseline: 'llama.verified.txt' is a folder, not a file", output, StringComparison.Ordinal);
        Assert.DoesNotContain("PG1002", output, StringComparison.Ordinal);
    }
}
