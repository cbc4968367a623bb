namespace PerfGate.Tests;

public sealed class UsageTests
{
    [Fact]
    public void Unknown_option_is_a_usage_error_with_exit_code_2()
    {
        var (code, _, err) = AppHarness.Run("validate", "--no-such-option");
        Assert.Equal(2, code);
        Assert.Contains("--no-such-option", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_the_exit_codes()
    {
        var (code, output, _) = AppHarness.Run("--help");
        Assert.Equal(0, code);
        Assert.Contains("Exit codes: 0 fine, 1 a finding", output, StringComparison.Ordinal);
    }
}
