using System.CommandLine;
using PerfGate.Cli.Gate;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Reports;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate merge REPORT.json... [--report console|json[=FILE]]... [--drift-as error|warning]
/// [--diagnostics-format auto|msbuild|github]</c>: joins the JSON reports of <c>perfgate check --shard i/n</c>
/// (one per shard) into one verdict: the summary line, the joined JSON report (what one check of the whole
/// workspace writes), the findings as annotations, and check's exit code (0 all equal, 1 drift/new/removed,
/// 2 a report that is missing, malformed (PG5201) or does not belong with the others (PG5202)).
/// </summary>
internal static class MergeCommand
{
    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("reports") { Description = "The JSON reports of perfgate check --shard i/n, one per shard, in any order.", Arity = ArgumentArity.OneOrMore };
        var gate = new GateOptions(
            "console (the summary line; default), json[=FILE] (the joined JSON report), bmf[=FILE], github-benchmark-smaller[=FILE] or github-benchmark-bigger[=FILE] (the chart exports of the whole workspace); repeatable.",
            ShardMerge.Refusal);
        var command = new Command("merge", "Join the JSON reports of 'perfgate check --shard i/n' into one verdict. Exit codes: 0 all equal, 1 drift/new/removed, 2 bad input.");
        command.Arguments.Add(files);
        gate.AddTo(command);
        command.SetAction(parse => Run(context, parse.GetValue(files) ?? [], ReportRequest.ParseAll(gate.Reports(parse)), gate.Severity(parse), gate.Output(context, parse)));
        return command;
    }

    private static int Run(CliContext context, string[] files, IReadOnlyList<ReportRequest> reports, Severity severity, GateOutput output)
    {
        var paths = new PathDisplay(context.CurrentDirectory, context.CurrentDirectory);
        var merged = ShardMerge.Merge(PhysicalFileSystem.Instance, context.CurrentDirectory, files);
        if (merged is not { Succeeded: true, Result: { } result })
        {
            output.WriteProblems(merged.Errors, paths);
            return ExitCodes.BadInput;
        }

        // The summary line and the joined JSON are the merge's own; a chart export is rendered from the joined figures.
        var reportsWritten = true;
        foreach (var request in reports)
        {
            reportsWritten &= (ShardMerge.Text(merged, request), request.File) switch
            {
                (null, _) => output.WriteReport(request, result, output.Reports(paths), paths),
                ({ } text, { } file) => OutputFile.TryWrite(context, file, text, "--report json"),
                ({ } text, null) => Print(context, text),
            };
        }

        output.WriteFindings(merged.Findings.Select(f => f with { Diagnostic = f.Diagnostic with { Severity = severity } }).ToList());
        if (!reportsWritten)
        {
            return ExitCodes.BadInput;
        }

        return result.Passed ? ExitCodes.Success : ExitCodes.Drift;
    }

    private static bool Print(CliContext context, string text)
    {
        context.Out.Write(text);
        return true;
    }
}
