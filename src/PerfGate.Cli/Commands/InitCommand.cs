using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate init [--workspace DIR] [--force]</c>: scaffold a workspace (<see cref="WorkspaceTemplate"/>). Existing files
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
            var files = WorkspaceTemplate.Files();
            var existing = files.Where(f => File.Exists(Path.Combine(root, f.Key))).ToList();
            if (existing.Count > 0 && !parse.GetValue(force))
            {
                DiagnosticPrinter.Print(context, existing.Select(f => Diagnostic.Error(DiagnosticIds.OutputNotWritable, "already exists; init writes nothing over your files (pass --force to overwrite)", new SourceLocation(f.Key))).ToList());
                return ExitCodes.BadInput;
            }

            foreach (var (relative, text) in files)
            {
                var full = Path.Combine(root, relative);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                if (OutputFile.TryWrite(full, relative, text, "init") is { } problem)
                {
                    DiagnosticPrinter.Print(context, [problem]);
                    return ExitCodes.BadInput;
                }

                context.Out.WriteLine($"created  {relative}");
            }

            context.Out.WriteLine($"Next: perfgate approve {WorkspaceTemplate.SampleScenarioId}   # record the first baseline, then commit baselines/");
            return ExitCodes.Success;
        });
        return command;
    }
}
