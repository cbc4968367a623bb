namespace PerfGate.Tests.Commands;

public sealed class ValidateCommandTests
{
    private const string Scenario = """
        kind: scenario
        id: llama-h100
        model: llama-3-8b
        hardware: h100-sxm
        decode:
          batch: 8
          context: 4096
        """;

    private static TempDirectory Workspace(string scenario = Scenario)
    {
        var dir = new TempDirectory();
        dir.Write("perfgate.yaml", "scenarios: ['scenarios/*.yaml']\n");
        dir.Write("scenarios/llama.yaml", scenario);
        return dir;
    }

    [Fact]
    public void A_valid_workspace_exits_0()
    {
        using var dir = Workspace();
        var (code, output, error) = AppHarness.RunIn(dir.Path, "validate");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Equal("perfgate: workspace is valid: 1 scenario(s), 14 hardware, 2 NIC(s), 15 model(s), 2 input file(s); 0 errors, 0 warnings\n", output);
    }

    [Fact]
    public void Every_error_is_printed_in_canonical_format_and_exits_2()
    {
        using var dir = Workspace(Scenario.Replace("model: llama-3-8b", "model: llama-3-8", StringComparison.Ordinal).Replace("batch: 8", "batch: eight", StringComparison.Ordinal));
        var (code, output, error) = AppHarness.RunIn(dir.Path, "validate");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("scenarios/llama.yaml(6,10): error PG2004: 'decode.batch' must be a whole number, not 'eight'", lines[0]);
        Assert.StartsWith("scenarios/llama.yaml(3,8): error PG2008: 'model' names model 'llama-3-8', which is not in the catalog (did you mean 'llama-3-8b'?)", lines[1], StringComparison.Ordinal);
        Assert.Equal("perfgate: validate failed: 2 errors, 0 warnings", lines[2]);
    }

    [Fact]
    public void Paths_are_shown_relative_to_the_current_directory()
    {
        using var dir = Workspace(Scenario.Replace("batch: 8", "batch: 0", StringComparison.Ordinal));
        var parent = Path.GetDirectoryName(dir.Path)!;
        var name = Path.GetFileName(dir.Path);
        var (code, _, error) = AppHarness.RunIn(parent, "validate", "--workspace", name);
        Assert.Equal(2, code);
        Assert.StartsWith($"{name}/scenarios/llama.yaml(6,10): error PG2005: 'decode.batch' is 0; it must be a whole number of at least 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_perfgate_yaml_exits_2()
    {
        using var dir = new TempDirectory();
        var (code, _, error) = AppHarness.RunIn(dir.Path, "validate");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate.yaml: error PG2010: no perfgate.yaml in ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Environment_then_command_line_override_the_file()
    {
        using var dir = Workspace();
        var env = new Dictionary<string, string> { ["PERFGATE_BASELINES"] = "../elsewhere" };
        var (code, _, error) = AppHarness.Run(dir.Path, env, "validate");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate: error PG2012: 'baselines' is '../elsewhere', which lies outside the workspace root", error, StringComparison.Ordinal);

        // The command line wins over the environment.
        var (fixedCode, _, _) = AppHarness.Run(dir.Path, env, "validate", "--baselines", "ci/baselines");
        Assert.Equal(0, fixedCode);

        var (setCode, _, setError) = AppHarness.Run(dir.Path, env, "validate", "--baselines", "b", "--set", "rounding:significantDigits=99");
        Assert.Equal(2, setCode);
        Assert.StartsWith("perfgate: error PG2014: setting 'rounding:significantDigits' is '99'; it must be a whole number from 1 to 17", setError, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_yaml_is_refused_without_a_stack_trace()
    {
        using var dir = Workspace("a: &x [1]\nb: *x\n");
        var (code, _, error) = AppHarness.RunIn(dir.Path, "validate");
        Assert.Equal(2, code);
        Assert.StartsWith("scenarios/llama.yaml(1,4): error PG2011: anchor '&x' is not supported", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_set_without_a_value_is_a_usage_error()
    {
        using var dir = Workspace();
        var (code, _, error) = AppHarness.RunIn(dir.Path, "validate", "--set", "baselines");
        Assert.Equal(2, code);
        Assert.StartsWith("perfgate: error PG2014: --set 'baselines' is not key=value", error, StringComparison.Ordinal);
    }
}
