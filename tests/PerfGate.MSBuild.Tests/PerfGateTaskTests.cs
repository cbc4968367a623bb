using Microsoft.Build.Framework;

namespace PerfGate.MSBuild.Tests;

/// <summary>
/// The task's handling of what <c>perfgate check|approve</c> prints and returns (exit codes: 0 equal, 1 drift/new/removed,
/// 2 bad input, 3 internal error), with canned CLI output and a fake build engine.
/// </summary>
public sealed class PerfGateTaskTests : IDisposable
{
    private readonly TaskHarness h = new();

    public void Dispose() => h.Dispose();

    [Fact]
    public void Drift_is_an_error_at_the_baseline_line_and_says_how_to_approve()
    {
        var ok = h.Run(1,
            "| h100-llama | drifted |",
            "baselines/h100-llama.verified.txt(12,3): error PG1001: decode.tokensPerSecond 41.2 -> 39.8 (-3.4%); approve with: perfgate approve h100-llama");

        Assert.False(ok);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal("PG1001", e.Code);
        Assert.Equal(Path.Combine(h.Workspace, "baselines", "h100-llama.verified.txt"), e.File);
        Assert.Equal((12, 3), (e.LineNumber, e.ColumnNumber));
        Assert.StartsWith("decode.tokensPerSecond 41.2 -> 39.8 (-3.4%); approve with: perfgate approve h100-llama", e.Message, StringComparison.Ordinal);
        Assert.EndsWith("(from the build: dotnet build -p:PerfGateApprove=true)", e.Message, StringComparison.Ordinal);
        Assert.Contains(h.Engine.Messages, m => m.Message == "| h100-llama | drifted |");
    }

    [Fact]
    public void New_and_removed_scenarios_are_errors_too()
    {
        var ok = h.Run(1,
            "baselines/h200-new.verified.txt: error PG1002: scenario 'h200-new' has no baseline",
            "baselines/old.verified.txt(1,1): error PG1003: baseline 'old' has no scenario");

        Assert.False(ok);
        Assert.Equal(["PG1002", "PG1003"], h.Engine.Errors.Select(e => e.Code));
    }

    [Fact]
    public void Drift_as_warning_passes_the_build_although_the_tool_exits_1()
    {
        h.Task.FailOnDrift = "warning";

        var ok = h.Run(1, "baselines/a.verified.txt(4,1): warning PG1001: memory.kvCache 30 GiB -> 28 GiB (-6.7%)");

        Assert.True(ok);
        Assert.Empty(h.Engine.Errors);
        var w = Assert.Single(h.Engine.Warnings);
        Assert.Equal(("PG1001", 4, 1), (w.Code, w.LineNumber, w.ColumnNumber));
        Assert.True(File.Exists(h.StampFile));
    }

    [Fact]
    public void Drift_as_warning_downgrades_drift_printed_as_error_but_not_a_corrupt_baseline()
    {
        h.Task.FailOnDrift = "WARNING";

        var ok = h.Run(1,
            "baselines/a.verified.txt(4,1): error PG1001: decode.itl 20 ms -> 22 ms (+10%)",
            "baselines/b.verified.txt(9,1): error PG1004: line 9 is not 'key = value'");

        Assert.False(ok);
        Assert.Equal("PG1001", Assert.Single(h.Engine.Warnings).Code);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal(("PG1004", 9), (e.Code, e.LineNumber));
        Assert.False(File.Exists(h.StampFile));
    }

    [Fact]
    public void Config_error_points_at_the_file_line_and_column()
    {
        var ok = h.Run(2, "scenarios/h100.yaml(6,13): error PG2005: tensorParallel must be a positive integer, got 0");

        Assert.False(ok);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal(("PG2005", 6, 13), (e.Code, e.LineNumber, e.ColumnNumber));
        Assert.Equal(Path.Combine(h.Workspace, "scenarios", "h100.yaml"), e.File);
        Assert.Equal("tensorParallel must be a positive integer, got 0", e.Message);
    }

    [Fact]
    public void A_file_name_ending_in_a_number_in_parentheses_is_not_read_as_a_line()
    {
        var ok = h.Run(2, "out/report(2): error PG2017: --report json: this is a folder; name a file to write");

        Assert.False(ok);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal(("PG2017", 0, 0), (e.Code, e.LineNumber, e.ColumnNumber));
        Assert.Equal(Path.Combine(h.Workspace, "out", "report(2)"), e.File);
        Assert.Equal("--report json: this is a folder; name a file to write", e.Message);
    }

    [Fact]
    public void A_position_past_int_range_is_kept_in_the_file_name_instead_of_crashing_the_task()
    {
        var ok = h.Run(2, "scenarios/h100.yaml(99999999999,1): error PG2005: bad value");

        Assert.False(ok);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal(("PG2005", 0, 0), (e.Code, e.LineNumber, e.ColumnNumber));
        Assert.Equal(Path.Combine(h.Workspace, "scenarios", "h100.yaml(99999999999,1)"), e.File);
        Assert.Equal("bad value", e.Message);
    }

    [Fact]
    public void Absolute_paths_are_kept()
    {
        var file = Path.Combine(h.Workspace, "perfgate.yaml");

        h.Run(2, $"{file}(2,1): error PG2002: unknown key 'baseline'");

        Assert.Equal(file, Assert.Single(h.Engine.Errors).File);
    }

    [Fact]
    public void Diagnostic_without_file_is_attributed_to_the_task_invocation()
    {
        var ok = h.Run(3, "perfgate: error PG9001: internal error: NullReferenceException: boom");

        Assert.False(ok);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal("PG9001", e.Code);
        // MSBuild puts the task's project file there when a diagnostic names none.
        Assert.Equal(h.Engine.ProjectFileOfTaskNode, e.File);
        Assert.Equal(0, e.LineNumber);
    }

    [Fact]
    public void Failure_without_a_diagnostic_is_reported_with_the_exit_code_and_last_output()
    {
        var ok = h.Run(134, "Unhandled exception.", "   at Program.Main()");

        Assert.False(ok);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal("PG6003", e.Code);
        Assert.Contains("exited with code 134", e.Message, StringComparison.Ordinal);
        Assert.Contains("Unhandled exception.\n   at Program.Main()", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_exit_code_without_any_diagnostic_fails()
    {
        var ok = h.Run(1, "something drifted, but no canonical line");

        Assert.False(ok);
        Assert.Equal("PG6003", Assert.Single(h.Engine.Errors).Code);
    }

    [Fact]
    public void Success_writes_the_stamp_and_failure_deletes_it()
    {
        Assert.True(h.Run(0, "| h100-llama | equal |"));
        Assert.True(File.Exists(h.StampFile));
        Assert.Contains(h.Engine.Messages, m => m.Importance == MessageImportance.High && m.Message!.StartsWith("PerfGate: gate passed", StringComparison.Ordinal));

        Assert.False(h.Run(1, "baselines/a.verified.txt(1,1): error PG1001: x 1 -> 2 (+100%)"));
        Assert.False(File.Exists(h.StampFile));
    }

    [Fact]
    public void Check_command_line_runs_the_packaged_tool_with_msbuild_diagnostics()
    {
        h.Task.FailOnDrift = "warning";
        h.Task.Reports = ["markdown=obj/perfgate.md", " junit ", ""];

        h.Run(0);

        var (tool, commandLine) = Assert.Single(h.Runs);
        Assert.Equal(h.DotnetHost, tool);
        Assert.Equal(
            $"exec {h.ToolAssembly} check --workspace {h.Workspace} --diagnostics-format msbuild --drift-as warning --report markdown=obj/perfgate.md --report junit",
            commandLine);
    }

    [Fact]
    public void A_native_executable_for_this_machine_runs_directly_with_the_same_arguments()
    {
        var native = Path.Combine(h.Root, "tools", "perfgate-native", "linux-x64", "perfgate");
        Directory.CreateDirectory(Path.GetDirectoryName(native)!);
        File.WriteAllText(native, string.Empty);
        h.Task.NativeTool = native;
        h.Task.DotnetHostPath = Path.Combine(h.Root, "no-such-dotnet"); // not needed when the native tool runs

        Assert.True(h.Run(0));

        var (tool, commandLine) = Assert.Single(h.Runs);
        Assert.Equal(native, tool);
        Assert.Equal($"check --workspace {h.Workspace} --diagnostics-format msbuild --drift-as error", commandLine);
    }

    [Fact]
    public void Without_a_native_executable_for_this_machine_the_portable_tool_runs_under_dotnet()
    {
        h.Task.NativeTool = Path.Combine(h.Root, "tools", "perfgate-native", "osx-arm64", "perfgate"); // not in this package

        Assert.True(h.Run(0));

        var (tool, commandLine) = Assert.Single(h.Runs);
        Assert.Equal(h.DotnetHost, tool);
        Assert.StartsWith($"exec {h.ToolAssembly} check ", commandLine, StringComparison.Ordinal);
    }

    [Fact]
    public void Approve_command_line_approves_every_scenario()
    {
        h.Task.Command = "approve";

        Assert.True(h.Run(0, "approved h100-llama"));

        Assert.Equal($"exec {h.ToolAssembly} approve --workspace {h.Workspace} --all", Assert.Single(h.Runs).CommandLine);
        Assert.Contains(h.Engine.Messages, m => m.Importance == MessageImportance.High && m.Message == "approved h100-llama");
    }

    [Theory]
    [InlineData("CI", "true")]
    [InlineData("GITHUB_ACTIONS", "true")]
    [InlineData("CI", "1")]
    public void Approve_is_refused_under_ci_before_the_tool_runs(string variable, string value)
    {
        h.SetEnvironment(variable, value);
        h.Task.Command = "approve";
        Directory.CreateDirectory(Path.GetDirectoryName(h.StampFile)!);
        File.WriteAllText(h.StampFile, string.Empty); // left by an earlier passing build

        var ok = h.Run(0);

        Assert.False(ok);
        Assert.Empty(h.Runs);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal("PG1006", e.Code);
        Assert.Contains($"({variable} is set)", e.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(h.StampFile));
    }

    [Theory]
    [InlineData("false")]
    [InlineData("0")]
    [InlineData("")]
    public void Approve_runs_when_ci_is_explicitly_off(string value)
    {
        h.SetEnvironment("CI", value);
        h.Task.Command = "approve";

        Assert.True(h.Run(0));
        Assert.Single(h.Runs);
    }

    [Fact]
    public void Invalid_fail_on_drift_is_refused_with_the_valid_values()
    {
        h.Task.FailOnDrift = "fatal";

        Assert.False(h.Run(0));

        Assert.Empty(h.Runs);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal("PG2014", e.Code);
        Assert.Equal("PerfGateFailOnDrift='fatal' is not valid; use 'error' (drift fails the build) or 'warning' (drift is reported, the build goes on).", e.Message);
    }

    [Fact]
    public void Missing_workspace_and_missing_tool_are_reported()
    {
        h.Task.Workspace = Path.Combine(h.Root, "nowhere");
        h.Task.ToolAssembly = Path.Combine(h.Root, "missing.dll");

        Assert.False(h.Run(0));

        Assert.Empty(h.Runs);
        Assert.Equal(["PG2010", "PG6001"], h.Engine.Errors.Select(e => e.Code));
        Assert.Contains("PerfGateWorkspace", h.Engine.Errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dotnet_host_comes_from_DOTNET_HOST_PATH_when_not_given()
    {
        h.Task.DotnetHostPath = null;
        h.SetEnvironment("DOTNET_HOST_PATH", h.DotnetHost + "-from-env");
        File.WriteAllText(h.DotnetHost + "-from-env", string.Empty);

        h.Run(0);

        Assert.Equal(h.DotnetHost + "-from-env", Assert.Single(h.Runs).Tool);
    }

    [Fact]
    public void A_missing_dotnet_host_is_reported_before_anything_runs()
    {
        h.Task.DotnetHostPath = Path.Combine(h.Root, "no-such-dotnet");

        Assert.False(h.Run(0));

        Assert.Empty(h.Runs);
        var e = Assert.Single(h.Engine.Errors);
        Assert.Equal("PG6001", e.Code);
        Assert.Equal($"No dotnet host to run perfgate: '{h.Task.DotnetHostPath}' does not exist. `dotnet build` passes its own (DOTNET_HOST_PATH); elsewhere put dotnet on PATH.", e.Message);
        Assert.False(File.Exists(h.StampFile));
    }

    [Fact]
    public void Braces_in_output_are_logged_verbatim()
    {
        // `--report json` without a file prints JSON to standard output; nothing may treat it as a format string.
        var ok = h.Run(2, "{\"scenarios\": [{\"id\": \"a\"}]}", "scenarios/a.yaml(1,1): error PG2005: '{0}' is not a value");

        Assert.False(ok);
        Assert.Contains(h.Engine.Messages, m => m.Message == "{\"scenarios\": [{\"id\": \"a\"}]}");
        Assert.Equal("'{0}' is not a value", Assert.Single(h.Engine.Errors).Message);
    }
}
