using System.CommandLine;
using PerfGate.Cli.Gate;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Reports;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate approve [scenario...] [--all] [--workspace DIR] [--force]</c>: recompute the named scenarios
/// (or all) and make the result their verified baseline, one atomic write each; delete baselines whose
/// scenario is gone; print what changed. Refused under CI (CI or GITHUB_ACTIONS set) unless --force.
/// Exit 0 approved, 2 refused or bad input.
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
        command.SetAction(parse => Run(context, parse.GetValue(scenarios) ?? [], parse.GetValue(all), GateSession.Request(context, parse, options), parse.GetValue(force)));
        return command;
    }

    private static int Run(CliContext context, string[] names, bool all, WorkspaceRunRequest request, bool force)
    {
        if (context.IsCi && !force)
        {
            var folder = PerfGate.Workspace.WorkspaceLoader.Load(PhysicalFileSystem.Instance, request.Root, request.Overrides).Workspace?.Settings.Baselines.Replace('\\', '/') ?? "baselines";
            context.Error.WriteLine($"perfgate: error {DiagnosticIds.ApproveRefusedOnCi}: approve refused: this looks like CI (CI or GITHUB_ACTIONS is set). Approve on your machine, review the diff of {folder}/*.verified.txt and commit it; pass --force to approve here anyway.");
            return ExitCodes.BadInput;
        }

        if (names.Length == 0 && !all)
        {
            context.Error.WriteLine($"perfgate: error {DiagnosticIds.InvalidSetting}: approve needs the scenarios to approve (perfgate approve <scenario>...) or --all.");
            return ExitCodes.BadInput;
        }

        if (names.Length > 0 && all)
        {
            context.Error.WriteLine($"perfgate: error {DiagnosticIds.InvalidSetting}: give scenario names or --all, not both.");
            return ExitCodes.BadInput;
        }

        var output = new GateOutput(context, "msbuild");
        var approval = WorkspaceRun.Approve(request, PhysicalFileSystem.Instance, names, all);
        var paths = GateSession.Paths(context, approval.Evaluation);
        output.WriteProblems(approval.Evaluation.Diagnostics, paths);
        if (approval is not { Outcome: { } outcome, Store: { } store })
        {
            return ExitCodes.BadInput;
        }

        foreach (var done in outcome.Approvals.Where(a => a.Done))
        {
            Print(context, done, paths.Show(store.VerifiedPath(done.ScenarioId)));
        }

        if (!outcome.Succeeded)
        {
            output.WriteProblems(outcome.Errors, paths);
            return ExitCodes.BadInput;
        }

        var changed = outcome.Approvals.Count(a => a.Action != ApprovalAction.Unchanged);
        context.Out.WriteLine(changed == 0
            ? "Nothing to approve: every baseline already holds its recomputed result."
            : $"Approved {changed} baseline(s). Review and commit the changes in {paths.Show(store.Folder)}.");
        return ExitCodes.Success;
    }

    private static void Print(CliContext context, Approval approval, string path)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        switch (approval.Action)
        {
            case ApprovalAction.Created:
                context.Out.WriteLine($"created  {path} (new scenario {approval.ScenarioId})");
                break;
            case ApprovalAction.Removed:
                context.Out.WriteLine($"removed  {path} (scenario {approval.ScenarioId} no longer exists)");
                break;
            case ApprovalAction.Unchanged:
                context.Out.WriteLine($"same     {path}");
                break;
            default:
                var changes = approval.Changes;
                var drifts = changes?.Drifts ?? [];
                context.Out.WriteLine(drifts.Count == 0
                    ? $"updated  {path} (provenance only: {(changes is null ? "the old baseline was unreadable" : ReportFormat.Causes(changes))})"
                    : $"updated  {path}: {drifts.Count} figure(s) changed; inputs: {ReportFormat.Causes(changes!)}");
                foreach (var d in ReportFormat.Ranked(drifts).Take(20))
                {
                    context.Out.WriteLine("    " + ReportFormat.Drift(d, inv));
                }

                if (drifts.Count > 20)
                {
                    context.Out.WriteLine($"    ... and {drifts.Count - 20} more (see the diff)");
                }

                break;
        }

        if (approval.ReceivedWasStale)
        {
            context.Out.WriteLine($"    note: {approval.ScenarioId}.received.txt was stale (an input changed since the last check); the freshly recomputed result was approved.");
        }
    }
}
