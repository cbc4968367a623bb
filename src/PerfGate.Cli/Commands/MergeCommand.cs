using System.CommandLine;
using PerfGate.Cli.Gate;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
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
    /// <summary>The summary line, the joined JSON and the chart exports (figures from the shards' JSON); the others show drifts.</summary>
    private static readonly string[] Formats = ["console", "json", "bmf", "github-benchmark-smaller", "github-benchmark-bigger"];

    public static Command Create(CliContext context)
    {
        var files = new Argument<string[]>("reports") { Description = "The JSON reports of perfgate check --shard i/n, one per shard, in any order.", Arity = ArgumentArity.OneOrMore };
        var report = new Option<string[]>("--report", "-r")
        {
            Description = "console (the summary line; default), json[=FILE] (the joined JSON report), bmf[=FILE], github-benchmark-smaller[=FILE] or github-benchmark-bigger[=FILE] (the chart exports of the whole workspace); repeatable.",
            Arity = ArgumentArity.OneOrMore,
            AllowMultipleArgumentsPerToken = false,
        };
        report.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (!ReportRequest.TryParse(value, out var request, out var error))
                {
                    result.AddError(error);
                }
                else if (!Formats.Contains(request.Format.Name))
                {
                    result.AddError($"--report '{value}': merge writes {string.Join(", ", Formats)}; the other reports need the recomputed drifts, which only check has");
                }
            }
        });
        var driftAs = new Option<string>("--drift-as") { Description = "Severity of drift diagnostics: error (default) or warning. The exit code is 1 on drift either way.", DefaultValueFactory = _ => "error" };
        driftAs.AcceptOnlyFromAmong("error", "warning");
        var format = new Option<string>("--diagnostics-format") { Description = "auto (GitHub annotations when GITHUB_ACTIONS is set, else MSBuild canonical lines), msbuild or github.", DefaultValueFactory = _ => DiagnosticFormats.Auto };
        format.AcceptOnlyFromAmong([.. DiagnosticFormats.Names]);

        var command = new Command("merge", "Join the JSON reports of 'perfgate check --shard i/n' into one verdict. Exit codes: 0 all equal, 1 drift/new/removed, 2 bad input.");
        command.Arguments.Add(files);
        command.Options.Add(report);
        command.Options.Add(driftAs);
        command.Options.Add(format);
        command.SetAction(parse =>
        {
            var requests = (parse.GetValue(report) ?? []).Select(r => ReportRequest.TryParse(r, out var req, out _) ? req : null).OfType<ReportRequest>().ToList();
            var severity = parse.GetValue(driftAs) == "warning" ? Severity.Warning : Severity.Error;
            return Run(context, parse.GetValue(files) ?? [], requests.Count == 0 ? [ReportRequest.Console] : requests, severity, new GateOutput(context, parse.GetValue(format) ?? DiagnosticFormats.Auto));
        });
        return command;
    }

    private static int Run(CliContext context, string[] files, IReadOnlyList<ReportRequest> reports, Severity severity, GateOutput output)
    {
        var paths = new PathDisplay(context.CurrentDirectory, context.CurrentDirectory);
        var read = new List<(string, byte[])>();
        var problems = new List<Diagnostic>();
        foreach (var file in files)
        {
            var full = Path.GetFullPath(file, context.CurrentDirectory);
            if (!File.Exists(full))
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, "the shard report does not exist; give the JSON report each perfgate check --shard i/n wrote", new SourceLocation(full)));
                continue;
            }

            read.Add((full, File.ReadAllBytes(full)));
        }

        var merged = problems.Count == 0 ? ShardMerge.Merge(read) : null;
        if (merged is not { Succeeded: true, Result: { } result })
        {
            output.WriteProblems(merged?.Errors ?? problems, paths);
            return ExitCodes.BadInput;
        }

        var reportsWritten = true;
        foreach (var request in reports)
        {
            if (request.Format.Name == "json")
            {
                if (request.File is { } file)
                {
                    reportsWritten &= OutputFile.TryWrite(context, file, merged.Json, "--report json");
                }
                else
                {
                    context.Out.Write(merged.Json);
                }
            }
            else if (request.Format.Name == "console")
            {
                context.Out.WriteLine(ConsoleReport.Headline(result));
            }
            else
            {
                reportsWritten &= output.WriteReport(request, result, paths);
            }
        }

        output.WriteFindings(merged.Findings.Select(f => f with { Diagnostic = f.Diagnostic with { Severity = severity } }).ToList());
        if (!reportsWritten)
        {
            return ExitCodes.BadInput;
        }

        return result.Passed ? ExitCodes.Success : ExitCodes.Drift;
    }
}
