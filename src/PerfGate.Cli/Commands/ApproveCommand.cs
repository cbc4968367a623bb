using System.CommandLine;
using PerfGate.Cli.Gate;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Reports;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate approve [scenario...] [--all] [--workspace DIR] [--force]</c>: recompute the named scenarios
/// (or all) and make the result their verified baseline, one atomic write each; delete baselines whose
/// scenario is gone; print what changed (<see cref="ApprovalReport"/>). Refused under CI (CI or GITHUB_ACTIONS set)
/// unless --force. Exit 0 approved, 2 refused or bad input.
/// </summary>
internal static class ApproveCommand
{
    public static Command Create(CliContext context)
    {
        var scenarios = new Argument<string[]>("scenario") { Description = "Scenario ids or globs (e.g. qwq-*) to approve.", Arity = ArgumentArity.ZeroOrMore };
        var all = new Option<bool>("--all") { Description = "Approve every scenario and remove every baseline without a scenario." };
        var options = new WorkspaceOptions();
        var force = new Option<bool>("--force") { Description = "Approve even under CI (CI or GITHUB_ACTIONS set). Approving belongs on a developer's machine, where the diff is reviewed." };
        var command = new Command("approve", "Make the recomputed results of the named scenarios (or --all) their committed baselines, and print what changed.");
        command.Arguments.Add(scenarios);
        command.Options.Add(all);
        options.AddTo(command);
        command.Options.Add(force);
        command.SetAction(parse => Run(context, parse.GetValue(scenarios) ?? [], parse.GetValue(all), options.Request(parse, context), parse.GetValue(force)));
        return command;
    }

    private static int Run(CliContext context, string[] names, bool all, WorkspaceRunRequest request, bool force)
    {
        if (context.IsCi && !force)
        {
            var folder = PerfGate.Workspace.WorkspaceLoader.Load(PhysicalFileSystem.Instance, request.Root, request.Overrides).Workspace?.Settings.Baselines.Replace('\\', '/') ?? "baselines";
            context.Error.WriteLine(ApprovalReport.RefusedOnCi($"{folder}/*.verified.txt"));
            return ExitCodes.BadInput;
        }

        if (ApprovalReport.SelectionProblem(names.Length, all) is { } problem)
        {
            context.Error.WriteLine(problem);
            return ExitCodes.BadInput;
        }

        var output = new GateOutput(context, "msbuild");
        var approval = WorkspaceRun.Approve(request, PhysicalFileSystem.Instance, names, all);
        var paths = new PathDisplay(context.CurrentDirectory, approval.Evaluation.Root);
        output.WriteProblems(approval.Evaluation.Diagnostics, paths);
        if (approval is not { Outcome: { } outcome, Store: { } store })
        {
            return ExitCodes.BadInput;
        }

        foreach (var line in outcome.Approvals.Where(a => a.Done).SelectMany(a => ApprovalReport.Lines(a, paths.Show(store.VerifiedPath(a.ScenarioId)))))
        {
            context.Out.WriteLine(line);
        }

        if (!outcome.Succeeded)
        {
            output.WriteProblems(outcome.Errors, paths);
            return ExitCodes.BadInput;
        }

        context.Out.WriteLine(ApprovalReport.Summary(outcome, paths.Show(store.Folder)));
        return ExitCodes.Success;
    }
}
