using PerfGate.Cli;
using PerfGate.Diagnostics;

namespace PerfGate.MSBuild.Tests;

/// <summary>The task repeats a few facts of the CLI and Core (it cannot load them); these keep the copies in sync.</summary>
public sealed class ParityTests
{
    [Fact]
    public void Task_diagnostic_ids_match_the_registry()
    {
        Assert.Equal(DiagnosticIds.Drift, TaskDiagnosticIds.Drift);
        Assert.Equal(DiagnosticIds.NewScenario, TaskDiagnosticIds.NewScenario);
        Assert.Equal(DiagnosticIds.RemovedScenario, TaskDiagnosticIds.RemovedScenario);
        Assert.Equal(DiagnosticIds.FileNotFound, TaskDiagnosticIds.FileNotFound);
        Assert.Equal(DiagnosticIds.InvalidSetting, TaskDiagnosticIds.InvalidSetting);
        Assert.Equal(DiagnosticIds.MSBuildToolNotFound, TaskDiagnosticIds.ToolNotFound);
        Assert.Equal(DiagnosticIds.MSBuildTooOld, TaskDiagnosticIds.TooOld);
        Assert.Equal(DiagnosticIds.MSBuildToolFailed, TaskDiagnosticIds.ToolFailed);
        Assert.Equal(DiagnosticIds.ApproveRefusedOnCi, TaskDiagnosticIds.ApproveRefusedOnCi);
    }

    [Fact]
    public void The_targets_file_warns_with_the_registered_too_old_id()
    {
        var targets = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", "PerfGate.MSBuild", "build", "PerfGate.MSBuild.targets"));

        Assert.Contains($"Code=\"{DiagnosticIds.MSBuildTooOld}\"", targets, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("true", null)]
    [InlineData(null, "true")]
    [InlineData("false", null)]
    [InlineData("0", null)]
    [InlineData("FALSE", "0")]
    [InlineData("", "")]
    [InlineData("1", "false")]
    [InlineData("yes", null)]
    public void Ci_detection_agrees_with_the_cli(string? ci, string? githubActions)
    {
        string? Env(string name) => name switch
        {
            "CI" => ci,
            "GITHUB_ACTIONS" => githubActions,
            _ => null,
        };
        var cli = new CliContext(TextWriter.Null, TextWriter.Null, Env, ".", IsTerminal: false);

        Assert.Equal(cli.IsCi, CiEnvironment.DetectedBy(Env) is not null);
    }
}
