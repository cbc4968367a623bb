using System.CommandLine;
using System.Globalization;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Measurements.Gate;
using PerfGate.Run;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate measured compare BASELINE NEW...</c>: the noise-aware gate for measured runs. Runs at the same load point
/// are repeats; a metric regresses when the test (one-sided, --alpha) AND the floor both say worse.
/// <c>perfgate measured compare NEW... --gate NAME</c> (or one NEW file and a workspace with one gate): the baseline is
/// the gate's committed reports (<c>&lt;baselines&gt;/measured/NAME/</c>) and the rule is the gate's in perfgate.yaml.
/// Exit 0 no regression, 1 regression, 2 bad input.
/// </summary>
internal static class MeasuredCompareCommand
{
    public static Command Create(CliContext context)
    {
        var reports = new Argument<string[]>("reports") { Description = "BASELINE NEW...: the baseline report, then the new ones (runs at one load point are repeats). With --gate: NEW... only.", Arity = ArgumentArity.OneOrMore };
        var gate = new Option<string?>("--gate") { Description = "Compare NEW... with this measured gate of perfgate.yaml: its committed baseline (<baselines>/measured/NAME/) and its rule. Implied with one NEW file when the workspace declares one gate." };
        var test = new Option<string>("--test") { Description = "welch (default) or mann-whitney.", DefaultValueFactory = _ => "welch" };
        var alpha = OptionParsing.Number("--alpha", "Significance level of the one-sided test (default 0.05).", MeasuredGateOptions.Default.Alpha);
        var floor = new Option<string>("--floor") { Description = "Practical floor: the least relative change that counts, e.g. 5% (default).", DefaultValueFactory = _ => "5%" };
        var thresholds = new Option<string[]>("--threshold") { Description = "A floor for one metric, repeatable: ttft=10% (every statistic) or ttft.p99=20%." };
        var minRuns = new Option<int>("--min-runs") { Description = "Runs needed on each side to judge a metric (default 3; 1 compares single runs by the floor alone).", DefaultValueFactory = _ => MeasuredGateOptions.Default.MinRuns };
        var report = new Option<string>("--report") { Description = "console (default), markdown or json.", DefaultValueFactory = _ => "console" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of the console." };
        var workspace = new WorkspaceOptions();
        var reading = new MeasuredReading();
        var exports = new MeasuredExports();
        var rule = new Option[] { test, alpha, floor, thresholds, minRuns };
        var command = new Command("compare", "Gate new measured runs against baseline runs (two reports, or a measured gate of the workspace): a significance test AND a practical floor, per metric, knowing which way is worse.");
        command.Arguments.Add(reports);
        command.Options.Add(gate);
        foreach (var o in rule.Append(report).Append(output))
        {
            command.Options.Add(o);
        }

        workspace.AddTo(command);
        reading.AddTo(command);
        exports.AddTo(command);
        command.SetAction(parse =>
        {
            var problems = new List<Diagnostic>();
            var kind = parse.GetValue(report)!;
            if (!MeasuredCompareReport.Kinds.Contains(kind))
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--report: '{kind}' is not a report format; use one of {string.Join(", ", MeasuredCompareReport.Kinds)}", SourceLocation.None));
            }

            var files = parse.GetValue(reports) ?? [];
            var gateName = parse.GetValue(gate);
            MeasuredComparison? result;
            if (gateName is not null || files.Length == 1)
            {
                foreach (var o in rule.Where(o => parse.GetResult(o) is { Implicit: false }))
                {
                    problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{o.Name}: a measured gate takes its rule from perfgate.yaml ('measured:'); change it there, or compare two reports (BASELINE NEW...) without --gate", SourceLocation.None));
                }

                if (problems.Count > 0)
                {
                    return DiagnosticPrinter.Fail(context, problems);
                }

                if (workspace.Load(parse, context, printInfo: false) is not { Workspace: { } loaded }
                    || MeasuredGateRun.Select(loaded, gateName, problems) is not { } chosen)
                {
                    DiagnosticPrinter.Print(context.Error, problems, workspace.Root(parse, context), context.CurrentDirectory);
                    return ExitCodes.BadInput;
                }

                if (reading.Read(context, parse, files, chosen.Format) is not { } current)
                {
                    return ExitCodes.BadInput;
                }

                var outcome = MeasuredGateRun.Compare(loaded, chosen, current, PhysicalFileSystem.Instance);
                DiagnosticPrinter.Print(outcome.Succeeded ? context.Out : context.Error, outcome.Diagnostics, loaded.Root, context.CurrentDirectory);
                if (outcome.Comparison is not { } comparison)
                {
                    return ExitCodes.BadInput;
                }

                if (kind == "console" && parse.GetValue(output) is null)
                {
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"measured gate '{chosen.Name}': {files.Length} new report(s) against {outcome.BaselineFiles.Count} baseline report(s) in {new PathDisplay(context.CurrentDirectory, loaded.Root).Show(MeasuredGateRun.BaselineFolder(loaded, chosen))}/"));
                }

                result = comparison;
                if (!exports.Write(context, parse, current))
                {
                    return ExitCodes.BadInput;
                }
            }
            else
            {
                var options = MeasuredGateOptionsParser.Parse(parse.GetValue(test)!, parse.GetValue(alpha), parse.GetValue(floor)!, parse.GetValue(thresholds) ?? [], parse.GetValue(minRuns), problems);
                if (problems.Count > 0)
                {
                    return DiagnosticPrinter.Fail(context, problems);
                }

                if (reading.Read(context, parse, files[..1]) is not { } before
                    || reading.Read(context, parse, files[1..]) is not { } after)
                {
                    return ExitCodes.BadInput;
                }

                result = MeasuredGate.Compare(before, after, options!);
                if (!exports.Write(context, parse, after))
                {
                    return ExitCodes.BadInput;
                }
            }

            return Report(context, result, kind, parse.GetValue(output));
        });
        return command;
    }

    private static int Report(CliContext context, MeasuredComparison result, string kind, string? target)
    {
        var text = MeasuredCompareReport.Render(result, kind);
        if (target is not null ? !OutputFile.TryWrite(context, target, text, "--output") : Write(context.Out, text))
        {
            return ExitCodes.BadInput;
        }

        foreach (var line in MeasuredCompareReport.RegressionLines(result))
        {
            context.Error.WriteLine(line);
        }

        return result.HasRegression ? ExitCodes.Drift : ExitCodes.Success;
    }

    private static bool Write(TextWriter writer, string text)
    {
        writer.Write(text);
        return false;
    }
}
