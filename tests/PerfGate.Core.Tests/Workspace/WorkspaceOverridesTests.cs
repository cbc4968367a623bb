using PerfGate.Workspace;

namespace PerfGate.Tests.Workspace;

/// <summary>PERFGATE_* variables, then --baselines, then --set key=value: later layers win, keys are case-insensitive.</summary>
public sealed class WorkspaceOverridesTests
{
    private static Func<string, string?> Environment(params (string Name, string Value)[] variables) =>
        name => variables.FirstOrDefault(v => v.Name == name).Value;

    [Fact]
    public void The_command_line_beats_the_environment()
    {
        var overrides = WorkspaceOverrides.Layer(
            Environment(("PERFGATE_BASELINES", "env"), ("PERFGATE_ROUNDING__SIGNIFICANTDIGITS", "5")),
            baselines: "cli",
            ["rounding:significantDigits=4"]);

        Assert.Equal("cli", overrides["baselines"]);
        Assert.Equal("4", overrides["ROUNDING:SIGNIFICANTDIGITS"]);
    }

    [Fact]
    public void The_last_set_of_a_key_wins_and_a_value_may_hold_an_equals_sign()
    {
        var overrides = WorkspaceOverrides.Layer(Environment(), null, ["baselines=a", "Baselines=b=c"]);

        Assert.Equal("b=c", Assert.Single(overrides).Value);
    }

    [Fact]
    public void Only_the_overridable_keys_are_read_from_the_environment()
    {
        var overrides = WorkspaceOverrides.Layer(Environment(("PERFGATE_OTHER", "x"), ("PERFGATE_REPORTS__DIRECTORY", "")), null, []);

        Assert.Equal(new Dictionary<string, string?> { ["reports:directory"] = string.Empty }, overrides);
    }

    [Fact]
    public void An_assignment_without_a_key_says_what_to_write()
    {
        Assert.Null(WorkspaceOverrides.Problem("baselines=perf"));
        Assert.StartsWith("--set '=x' is not key=value; e.g. --set rounding:significantDigits=4 (keys: baselines, ", WorkspaceOverrides.Problem("=x"), StringComparison.Ordinal);
        Assert.NotNull(WorkspaceOverrides.Problem("baselines"));
    }
}
