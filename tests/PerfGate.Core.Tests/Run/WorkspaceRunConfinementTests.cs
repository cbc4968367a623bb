using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Run;

/// <summary>Paths are confined to the workspace after symbolic links are followed, for inputs and outputs alike (PG2012 at the key).</summary>
public sealed class WorkspaceRunConfinementTests
{
    private const string Scenario = "kind: scenario\nid: s\nmodel: llama-3-8b\nhardware: h100-sxm\ncards: 1\ndecode:\n  batch: 1\n  context: 128\n";

    private static InMemoryFileSystem Workspace() => new()
    {
        ["/ws/perfgate.yaml"] = "scenarios: [scenarios/*.yaml]\nbaselines: baselines\n",
        ["/ws/scenarios/s.yaml"] = Scenario,
    };

    [Fact]
    public void A_baselines_folder_linked_outside_the_workspace_is_refused_at_its_key_and_nothing_is_written()
    {
        var files = Workspace();
        files.AddLink("/ws/baselines", "/elsewhere/baselines");

        var approval = WorkspaceRun.Approve(new WorkspaceRunRequest("/ws"), files, [], all: true);

        Assert.Null(approval.Outcome);
        var error = Assert.Single(approval.Evaluation.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(
            "perfgate.yaml(2,1): error PG2012: 'baselines' is 'baselines', which is a symbolic link (or lies under one) to '/elsewhere/baselines', outside the workspace root '/ws'; " +
            "PerfGate reads and writes only inside the workspace: copy the files into it or point 'baselines' at a folder inside it",
            error.ToCanonicalString());
        Assert.Empty(files.Log);
    }

    [Fact]
    public void A_scenario_file_linked_outside_the_workspace_is_refused_at_the_pattern_that_matched_it()
    {
        var files = Workspace();
        files["/outside/secret.yaml"] = Scenario.Replace("id: s", "id: secret", StringComparison.Ordinal);
        files.AddLink("/ws/scenarios/secret.yaml", "/outside/secret.yaml");
        files["/ws/scenarios/secret.yaml"] = "placeholder, hidden by the link";

        var evaluation = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), files);

        var error = Assert.Single(evaluation.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal((DiagnosticIds.PathEscapesWorkspace, "perfgate.yaml", 1), (error.Id, error.Location.File, error.Location.Line));
        Assert.Contains("'scenarios[0]' is 'scenarios/secret.yaml'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("/outside/secret.yaml", files.Reads);
    }

    [Fact]
    public void A_link_that_stays_inside_the_workspace_is_followed()
    {
        var files = Workspace();
        files["/ws/shared/s.yaml"] = Scenario;
        files.AddLink("/ws/scenarios", "/ws/shared");

        var evaluation = WorkspaceRun.Evaluate(new WorkspaceRunRequest("/ws"), files);

        Assert.True(evaluation.Succeeded);
        Assert.Equal("scenarios/s.yaml", Assert.Single(evaluation.Scenarios).Snapshot.Inputs.Single(i => i.Path.EndsWith("s.yaml", StringComparison.Ordinal)).Path);
    }

    [Fact]
    public void On_disk_approve_does_not_write_through_a_baselines_link()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // creating links needs developer mode there; the in-memory tests cover the rule
        }

        var root = Directory.CreateTempSubdirectory("perfgate-link-");
        try
        {
            var ws = Directory.CreateDirectory(Path.Combine(root.FullName, "ws")).FullName;
            var outside = Directory.CreateDirectory(Path.Combine(root.FullName, "outside")).FullName;
            File.WriteAllText(Path.Combine(ws, "perfgate.yaml"), "scenarios: [s.yaml]\nbaselines: baselines\n");
            File.WriteAllText(Path.Combine(ws, "s.yaml"), Scenario);
            Directory.CreateSymbolicLink(Path.Combine(ws, "baselines"), outside);

            var approval = WorkspaceRun.Approve(new WorkspaceRunRequest(ws), PhysicalFileSystem.Instance, [], all: true);

            Assert.Null(approval.Outcome);
            Assert.Contains(approval.Evaluation.Diagnostics, d => d.Id == DiagnosticIds.PathEscapesWorkspace && d.Location.File == "perfgate.yaml" && d.Location.Line == 2);
            Assert.Empty(Directory.EnumerateFileSystemEntries(outside));
        }
        finally
        {
            root.Delete(recursive: true);
        }
    }
}
