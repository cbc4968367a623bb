using System.CommandLine;
using PerfGate.Cli.Gate;
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
        command.SetAction(parse => ExitCodes.Of(GateCommands.Approve(
            GateOutput.Host(context, DiagnosticFormats.MsBuild.Name), options.Request(parse, context), parse.GetValue(scenarios) ?? [], parse.GetValue(all), refuseAsCi: context.IsCi && !parse.GetValue(force))));
        return command;
    }
}
