namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>
/// The gate inside <c>dotnet build</c> of a project that references the packed PerfGate.MSBuild: pass, skip when
/// nothing changed, fail with the PG code and the file/line of the cause, approve locally, pass again.
/// </summary>
[Trait("Category", "Integration")]
[Collection(IntegrationCollection.Name)]
public sealed class GateWorkflowTests(PackedPackagesFixture packages)
{
    /// <summary>Approve must not see the CI variables of the machine running these tests.</summary>
    private static readonly Dictionary<string, string?> NotCi = new() { ["CI"] = null, ["GITHUB_ACTIONS"] = null };

    [Fact]
    public void Clean_build_passes_an_unchanged_build_skips_the_gate_and_a_changed_input_or_setting_runs_it()
    {
        using var consumer = new ConsumerProject(packages, "clean");
        TinyWorkspace.WriteTo(consumer);
        var approve = consumer.Build(NotCi, "-p:PerfGateApprove=true");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.True(File.Exists(Path.Combine(consumer.Root, TinyWorkspace.BaselineFile)), approve.ToString());

        var first = consumer.Build();
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Contains("PerfGate: gate passed", first.Output, StringComparison.Ordinal);
        var stamp = File.GetLastWriteTimeUtc(consumer.StampFile);

        var second = consumer.Build();

        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Contains("Skipping target \"_PerfGateRun\" because all output files are up-to-date", second.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("PerfGate: gate passed", second.Output, StringComparison.Ordinal);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(consumer.StampFile));

        // A baseline newer than the stamp (a pull, a checkout) runs the gate again.
        File.SetLastWriteTimeUtc(Path.Combine(consumer.Root, TinyWorkspace.BaselineFile), DateTime.UtcNow.AddSeconds(5));
        var touched = consumer.Build();
        Assert.True(touched.ExitCode == 0, touched.ToString());
        Assert.Contains("PerfGate: gate passed", touched.Output, StringComparison.Ordinal);

        // So does a changed setting: it changes the hash in perfgate.inputs.cache, which is an input.
        var setting = consumer.Build(null, "-p:PerfGateFailOnDrift=warning");
        Assert.True(setting.ExitCode == 0, setting.ToString());
        Assert.Contains("PerfGate: gate passed", setting.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Edited_config_fails_with_the_code_and_location_then_approve_passes_and_updates_the_baseline()
    {
        using var consumer = new ConsumerProject(packages, "edited");
        TinyWorkspace.WriteTo(consumer);
        Assert.Equal(0, consumer.Build(NotCi, "-p:PerfGateApprove=true").ExitCode);
        var approved = consumer.Read(TinyWorkspace.BaselineFile);

        // An invalid value: a config error at the scenario file's line and column.
        TinyWorkspace.WriteTo(consumer, batch: "0");
        var invalid = consumer.Build();
        Assert.NotEqual(0, invalid.ExitCode);
        var scenarioPath = Path.Combine(consumer.Root, "scenarios", "h100-llama3-8b.yaml");
        var configError = Assert.Single(invalid.Diagnostics("error", "PG2"));
        Assert.StartsWith($"{scenarioPath}({TinyWorkspace.BatchLine},", configError, StringComparison.Ordinal);
        Assert.False(File.Exists(consumer.StampFile));

        // A valid change: drift against the baseline, each figure reported at its line in the baseline, with the cause.
        TinyWorkspace.WriteTo(consumer, batch: "64");
        var drift = consumer.Build();
        Assert.NotEqual(0, drift.ExitCode);
        var baselinePath = Path.Combine(consumer.Root, "baselines", "h100-llama3-8b.verified.txt");
        var drifts = drift.Diagnostics("error", "PG1001");
        Assert.NotEmpty(drifts);
        Assert.All(drifts, d => Assert.StartsWith($"{baselinePath}(", d, StringComparison.Ordinal));
        Assert.All(drifts, d => Assert.Contains("(from the build: dotnet build -p:PerfGateApprove=true)", d, StringComparison.Ordinal));
        var stepTimeLine = Array.FindIndex(approved.Split('\n'), l => l.StartsWith("decode.step_time = ", StringComparison.Ordinal)) + 1;
        Assert.True(stepTimeLine > 0, approved);
        var stepTime = Assert.Single(drifts, d => d.StartsWith($"{baselinePath}({stepTimeLine},1): error PG1001: h100-llama3-8b: decode.step_time ", StringComparison.Ordinal));
        Assert.Contains("decode.batch: 32 -> 64", stepTime, StringComparison.Ordinal);
        Assert.False(File.Exists(consumer.StampFile));

        // A failed gate leaves no stamp, so the next build checks again instead of going green.
        var again = consumer.Build();
        Assert.NotEqual(0, again.ExitCode);
        Assert.Equal(drifts, again.Diagnostics("error", "PG1001"));

        var approve = consumer.Build(NotCi, "-p:PerfGateApprove=true");
        Assert.True(approve.ExitCode == 0, approve.ToString());
        Assert.NotEqual(approved, consumer.Read(TinyWorkspace.BaselineFile));

        var after = consumer.Build();
        Assert.True(after.ExitCode == 0, after.ToString());
        Assert.Contains("PerfGate: gate passed", after.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Drift_as_warning_reports_and_passes()
    {
        using var consumer = new ConsumerProject(packages, "warning");
        TinyWorkspace.WriteTo(consumer);
        Assert.Equal(0, consumer.Build(NotCi, "-p:PerfGateApprove=true").ExitCode);
        TinyWorkspace.WriteTo(consumer, batch: "64");

        var build = consumer.Build(null, "-p:PerfGateFailOnDrift=warning");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.NotEmpty(build.Diagnostics("warning", "PG1001"));
        Assert.Empty(build.Diagnostics("error", "PG"));
    }

    [Fact]
    public void Multi_targeted_project_runs_the_gate_once_in_its_outer_build()
    {
        using var consumer = new ConsumerProject(packages, "multi", multiTargeted: true);
        TinyWorkspace.WriteTo(consumer);

        var build = consumer.Build(NotCi, "-p:PerfGateApprove=true");

        Assert.True(build.ExitCode == 0, build.ToString());
        Assert.Single(build.Lines, l => l.Contains("PerfGate: gate passed", StringComparison.Ordinal));
        Assert.True(File.Exists(Path.Combine(consumer.ProjectDirectory, "obj", "Debug", "perfgate.stamp")), build.ToString());
        Assert.False(File.Exists(consumer.StampFile), "the inner build ran the gate too");
    }
}
