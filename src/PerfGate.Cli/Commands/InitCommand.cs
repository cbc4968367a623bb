using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.IO;
using PerfGate.Run;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate init [--workspace DIR] [--force]</c>: scaffold a workspace (<see cref="InitRun"/>). Existing files
/// are never overwritten without --force: each is named and the run exits 2 before writing anything.
/// </summary>
internal static class InitCommand
{
    public static Command Create(CliContext context)
    {
        var workspace = new Option<string?>("--workspace", "-w") { Description = "Folder to create the workspace in (default: the current directory)." };
        var force = new Option<bool>("--force") { Description = "Overwrite files that already exist." };
        var command = new Command("init", "Create a workspace: perfgate.yaml, a sample scenario, a .gitignore for received snapshots, a GitHub Actions workflow and the JSON Schemas for editors.");
        command.Options.Add(workspace);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            var root = Path.GetFullPath(parse.GetValue(workspace) ?? ".", context.CurrentDirectory);
            var (created, problems) = InitRun.Write(PhysicalFileSystem.Instance, root, parse.GetValue(force));
            foreach (var relative in created)
            {
                context.Out.WriteLine($"created  {relative}");
            }

            if (problems.Count > 0)
            {
                return DiagnosticPrinter.Fail(context, problems);
            }

            context.Out.WriteLine($"Next: perfgate approve {WorkspaceTemplate.SampleScenarioId}   # record the first baseline, then commit baselines/");
            return ExitCodes.Success;
        });
        return command;
    }
}
