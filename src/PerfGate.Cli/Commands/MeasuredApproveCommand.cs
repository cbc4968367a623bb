using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Reports;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate measured approve NEW... [--gate NAME]</c>: makes the new benchmark reports (with their sidecars) the
/// committed baseline of a measured gate of perfgate.yaml (<c>&lt;baselines&gt;/measured/NAME/</c>), each written to a
/// temporary file and renamed; reports of the old baseline not among them are removed. Nothing is written when any
/// report is bad. Refused under CI unless --force. Exit 0 approved, 2 bad input.
/// </summary>
internal static class MeasuredApproveCommand
{
    public static Command Create(CliContext context)
    {
        var reports = new Argument<string[]>("new") { Description = "The new reports (runs at one load point are repeats).", Arity = ArgumentArity.OneOrMore };
        var gate = new Option<string?>("--gate") { Description = "The measured gate of perfgate.yaml whose baseline they become (may be left out when the workspace declares one)." };
        var force = new Option<bool>("--force") { Description = "Approve even under CI (CI or GITHUB_ACTIONS set). Approving belongs on a developer's machine, where the diff is reviewed." };
        var workspace = new WorkspaceOptions();
        var command = new Command("approve", "Make new measured reports the committed baseline of a measured gate of perfgate.yaml (replacing the old reports).");
        command.Arguments.Add(reports);
        command.Options.Add(gate);
        workspace.AddTo(command);
        command.Options.Add(force);
        command.SetAction(parse =>
        {
            if (context.IsCi && !parse.GetValue(force))
            {
                context.Error.WriteLine(ApprovalReport.RefusedOnCi("the baseline reports"));
                return ExitCodes.BadInput;
            }

            var problems = new List<Diagnostic>();
            if (workspace.Load(parse, context, printInfo: false) is not { Workspace: { } loaded }
                || MeasuredGateRun.Select(loaded, parse.GetValue(gate), problems) is not { } chosen)
            {
                DiagnosticPrinter.Print(context.Error, problems, workspace.Root(parse, context), context.CurrentDirectory);
                return ExitCodes.BadInput;
            }

            if (MeasuredReading.ReadFiles(context, parse.GetValue(reports) ?? []) is not { } files)
            {
                return ExitCodes.BadInput;
            }

            var outcome = MeasuredGateRun.Approve(loaded, chosen, files, PhysicalFileSystem.Instance);
            DiagnosticPrinter.Print(outcome.Succeeded ? context.Out : context.Error, outcome.Diagnostics, loaded.Root, context.CurrentDirectory);
            if (!outcome.Succeeded)
            {
                return ExitCodes.BadInput;
            }

            foreach (var file in outcome.BaselineFiles)
            {
                context.Out.WriteLine($"approved  {file}");
            }

            foreach (var file in outcome.Removed)
            {
                context.Out.WriteLine($"removed   {file}");
            }

            context.Out.WriteLine($"Measured gate '{chosen.Name}': {outcome.BaselineFiles.Count} baseline report(s). Review and commit the changes in {Path.GetDirectoryName(outcome.BaselineFiles[0])!.Replace('\\', '/')}/.");
            return ExitCodes.Success;
        });
        return command;
    }
}
