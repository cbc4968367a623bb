using System.CommandLine;
using PerfGate.Cli.Gate;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Reports;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate check [SCENARIO|GLOB...] [--workspace DIR] [--report console|markdown[=FILE]|json[=FILE]|junit[=FILE]|html[=FILE]|bmf[=FILE]|github-benchmark-smaller[=FILE]|github-benchmark-bigger[=FILE]]...
/// [--drift-as error|warning] [--diagnostics-format auto|msbuild|github] [--shard INDEX/COUNT]</c>: recompute every scenario
/// (or the selected ones, or a shard's: then its JSON report names the shard for <see cref="MergeCommand"/>),
/// compare with the baselines, write received snapshots, report. Exit 0 all equal, 1 any drift/new/removed
/// (also with --drift-as warning), 2 bad input (config errors, corrupt baselines PG1004, a received snapshot
/// (PG1007) or report file (PG2017) that cannot be written).
/// This contract is fixed: the MSBuild task builds against it.
/// </summary>
internal static class CheckCommand
{
    public static Command Create(CliContext context)
    {
        var options = new WorkspaceOptions();
        var gate = new GateOptions($"A report to write; repeatable: {ReportRequest.Accepted}. Without FILE: standard output (markdown inside GitHub Actions: appended to $GITHUB_STEP_SUMMARY). Default: console.");
        var scenarios = new Argument<string[]>("scenario") { Description = "Scenario ids or globs to check (e.g. qwq-*); default: every scenario. Others are neither compared nor reported removed.", Arity = ArgumentArity.ZeroOrMore };

        var shard = new Option<string?>("--shard")
        {
            Description = "Check one part of the workspace, INDEX/COUNT (e.g. 2/4): the scenarios whose id falls in it. Writes the JSON report perfgate-shard-INDEX-of-COUNT.json unless --report json=FILE names one; 'perfgate merge' joins the shards' reports.",
        };
        shard.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string?>() is { } value && !ScenarioShard.TryParse(value, out _, out var error))
            {
                result.AddError(error);
            }
        });

        var command = new Command("check", "Recompute every scenario and compare it with its baseline; fail on drift. Exit codes: 0 all equal, 1 drift/new/removed, 2 bad input.");
        command.Arguments.Add(scenarios);
        options.AddTo(command);
        gate.AddTo(command);
        command.Options.Add(shard);
        var inputsFile = new Option<string?>("--inputs-file") { Description = "Write the absolute path of every file the run read, one per line, to this file (what an incremental build watches; the MSBuild target passes obj/.../perfgate.inputs)." };
        command.Options.Add(inputsFile);
        command.SetAction(parse =>
        {
            ScenarioShard? part = ScenarioShard.TryParse(parse.GetValue(shard), out var parsed, out _) ? parsed : null;
            var request = options.Request(parse, context) with { Shard = part, Scenarios = parse.GetValue(scenarios) ?? [] };
            return Run(context, request, ReportRequest.ForCheck(gate.Reports(parse), part), gate.Severity(parse), gate.Output(context, parse), parse.GetValue(inputsFile));
        });
        return command;
    }

    private static int Run(CliContext context, WorkspaceRunRequest run, IReadOnlyList<ReportRequest> reports, Severity severity, GateOutput output, string? inputsFile)
    {
        var check = WorkspaceRun.Check(run, PhysicalFileSystem.Instance);
        var paths = new PathDisplay(context.CurrentDirectory, check.Evaluation.Root);
        output.WriteProblems(check.Evaluation.Diagnostics, paths);
        if (!check.Evaluation.Succeeded)
        {
            return ExitCodes.BadInput;
        }

        if (inputsFile is not null && OutputFile.TryWrite(Path.GetFullPath(inputsFile, context.CurrentDirectory), inputsFile, string.Concat(check.InputFiles.Select(f => f + "\n")), "--inputs-file") is { } notWritten)
        {
            output.WriteProblems([notWritten], paths);
            return ExitCodes.BadInput;
        }

        if (check.Result is not { } result)
        {
            output.WriteProblems(check.GateErrors, paths);
            return ExitCodes.BadInput;
        }

        // Every report is attempted; one that cannot be written (PG2017, printed) makes the run exit 2. A Markdown
        // report file gets the accuracy pictures of the scenarios with a measured: section beside it.
        var shown = output.Reports(paths).For(check.Evaluation) with { Shard = run.Shard };
        var reportsWritten = true;
        foreach (var request in reports.Concat(check.Evaluation.DefaultReports.Select(r => new ReportRequest(r.Format, r.File))))
        {
            reportsWritten &= output.WriteReport(request, result, shown, paths);
        }

        output.WriteFindings(result, severity, paths);
        output.WriteProblems(check.GateErrors, paths);
        if (!reportsWritten || check.GateErrors.Count > 0)
        {
            return ExitCodes.BadInput;
        }

        return result.Passed ? ExitCodes.Success : ExitCodes.Drift;
    }
}
