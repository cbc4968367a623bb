using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.IO;
using PerfGate.Reports;
using PerfGate.Workspace;

namespace PerfGate.Run;

/// <summary>
/// <c>perfgate check</c>, <c>merge</c> and <c>approve</c> from start to end for any front end: run, write the files asked
/// for and print what a user reads, in the order they read it, on the host's writers (<see cref="GateHost"/>). The front
/// end parses the options, chooses the host and maps the <see cref="GateVerdict"/> to its exit code.
/// </summary>
public static class GateCommands
{
    /// <summary>
    /// Recomputes the selected scenarios and compares them with their baselines: the evaluation's diagnostics, then
    /// (when the run succeeded) the inputs file, every report (those asked for, then perfgate.yaml's), the findings at
    /// <paramref name="severity"/> and the gate's own errors. <paramref name="inputsFile"/> (as the user wrote it) gets
    /// the absolute path of every file the run read, one per line.
    /// </summary>
    public static GateVerdict Check(GateHost host, WorkspaceRunRequest request, IReadOnlyList<ReportRequest> reports, Severity severity, string? inputsFile)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(request);
        var check = WorkspaceRun.Check(request, host.Files);
        var print = new GatePrinter(host, new PathDisplay(host.CurrentDirectory, check.Evaluation.Root));
        print.Problems(check.Evaluation.Diagnostics);
        if (!check.Evaluation.Succeeded)
        {
            return GateVerdict.BadInput;
        }

        if (inputsFile is not null && OutputFiles.TryWrite(host.Files, Path.GetFullPath(inputsFile, host.CurrentDirectory), inputsFile, string.Concat(check.InputFiles.Select(f => f + "\n")), "--inputs-file") is { } notWritten)
        {
            print.Problems([notWritten]);
            return GateVerdict.BadInput;
        }

        if (check.Result is not { } result)
        {
            print.Problems(check.GateErrors);
            return GateVerdict.BadInput;
        }

        // Every report is attempted; one that cannot be written (PG2017, printed) makes the run bad input. A Markdown
        // report file gets the accuracy pictures of the scenarios with a measured: section beside it.
        var context = print.Context.For(check.Evaluation) with { Shard = request.Shard };
        var reportsWritten = true;
        foreach (var report in reports.Concat(check.Evaluation.DefaultReports.Select(r => new ReportRequest(r.Format, r.File))))
        {
            reportsWritten &= print.Report(report, result, context);
        }

        print.Findings(result, severity);
        print.Problems(check.GateErrors);
        return !reportsWritten || check.GateErrors.Count > 0 ? GateVerdict.BadInput : Verdict(result);
    }

    /// <summary>
    /// Joins the JSON reports of <c>perfgate check --shard i/n</c> (<paramref name="files"/>, relative to the current
    /// directory) into one verdict: the reports asked for (the summary line, the joined JSON, the chart exports) and the
    /// shards' findings at <paramref name="severity"/>.
    /// </summary>
    public static GateVerdict Merge(GateHost host, IReadOnlyList<string> files, IReadOnlyList<ReportRequest> reports, Severity severity)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(reports);
        var print = new GatePrinter(host, new PathDisplay(host.CurrentDirectory, host.CurrentDirectory));
        var merged = ShardMerge.Merge(host.Files, host.CurrentDirectory, files);
        if (merged is not { Succeeded: true, Result: { } result })
        {
            print.Problems(merged.Errors);
            return GateVerdict.BadInput;
        }

        // The summary line and the joined JSON are the merge's own; a chart export is rendered from the joined figures.
        var reportsWritten = true;
        foreach (var report in reports)
        {
            var text = ShardMerge.Text(merged, report);
            if (text is null)
            {
                reportsWritten &= print.Report(report, result, print.Context);
            }
            else if (report.File is { } file && OutputFiles.TryWrite(host.Files, Path.GetFullPath(file, host.CurrentDirectory), file, text, "--report json") is { } notWritten)
            {
                host.Error.WriteLine(notWritten.ToCanonicalString());
                reportsWritten = false;
            }
            else if (report.File is null)
            {
                host.Out.Write(text);
            }
        }

        print.Findings([.. merged.Findings.Select(f => f with { Diagnostic = f.Diagnostic with { Severity = severity } })]);
        return reportsWritten ? Verdict(result) : GateVerdict.BadInput;
    }

    /// <summary>
    /// Recomputes the scenarios <paramref name="names"/> select (or all of them) and makes the results their baselines,
    /// printing what changed (<see cref="ApprovalReport"/>). <paramref name="refuseAsCi"/> (under CI without --force)
    /// refuses before anything is read but perfgate.yaml.
    /// </summary>
    public static GateVerdict Approve(GateHost host, WorkspaceRunRequest request, IReadOnlyList<string> names, bool all, bool refuseAsCi)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(names);
        if (refuseAsCi)
        {
            var folder = WorkspaceLoader.Load(host.Files, request.Root, request.Overrides).Workspace?.Settings.Baselines.Replace('\\', '/') ?? "baselines";
            host.Error.WriteLine(ApprovalReport.RefusedOnCi($"{folder}/*.verified.txt"));
            return GateVerdict.BadInput;
        }

        if (ApprovalReport.SelectionProblem(names.Count, all) is { } problem)
        {
            host.Error.WriteLine(problem);
            return GateVerdict.BadInput;
        }

        var approval = WorkspaceRun.Approve(request, host.Files, names, all);
        var paths = new PathDisplay(host.CurrentDirectory, approval.Evaluation.Root);
        var print = new GatePrinter(host, paths);
        print.Problems(approval.Evaluation.Diagnostics);
        if (approval is not { Outcome: { } outcome, Store: { } store })
        {
            return GateVerdict.BadInput;
        }

        foreach (var line in outcome.Approvals.Where(a => a.Done).SelectMany(a => ApprovalReport.Lines(a, paths.Show(store.VerifiedPath(a.ScenarioId)))))
        {
            host.Out.WriteLine(line);
        }

        if (!outcome.Succeeded)
        {
            print.Problems(outcome.Errors);
            return GateVerdict.BadInput;
        }

        host.Out.WriteLine(ApprovalReport.Summary(outcome, paths.Show(store.Folder)));
        return GateVerdict.Passed;
    }

    private static GateVerdict Verdict(GateResult result) => result.Passed ? GateVerdict.Passed : GateVerdict.Findings;
}
