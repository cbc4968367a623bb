using System.CommandLine;
using System.Globalization;
using PerfGate.Cli.Gate;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Measurements;
using PerfGate.Measurements.Gate;
using PerfGate.Run;
using PerfGate.Workspace;

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
    private static readonly IReadOnlyList<string> Reports = ["console", "markdown", "json"];

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
            if (!Reports.Contains(kind))
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--report: '{kind}' is not a report format; use one of {string.Join(", ", Reports)}", SourceLocation.None));
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
                var options = Options(parse.GetValue(test)!, parse.GetValue(alpha), parse.GetValue(floor)!, parse.GetValue(thresholds) ?? [], parse.GetValue(minRuns), problems);
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
        var text = kind switch
        {
            "markdown" => MeasuredCompareReport.Markdown(result),
            "json" => MeasuredCompareReport.Json(result),
            _ => MeasuredCompareReport.Console(result),
        };
        if (target is not null)
        {
            if (!OutputFile.TryWrite(context, target, text, "--output"))
            {
                return ExitCodes.BadInput;
            }
        }
        else
        {
            context.Out.Write(text);
        }

        foreach (var m in result.Metrics.Where(m => m.Verdict == MeasuredVerdict.Regression))
        {
            context.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"perfgate: error {DiagnosticIds.MeasuredRegression}: {m.Workload} {m.MetricKey}: {MeasuredText.Number(m.BaselineMean!.Value)} -> {MeasuredText.Number(m.NewMean!.Value)} {m.Unit} ({MeasuredText.Number(m.Change!.Value * 100)} %, floor {MeasuredText.Number(m.Floor * 100)} %{(m.Test is { } t ? $", p = {MeasuredText.Number(t.PValue)}" : string.Empty)})"));
        }

        return result.HasRegression ? ExitCodes.Drift : ExitCodes.Success;
    }

    private static MeasuredGateOptions? Options(string test, double alpha, string floor, string[] thresholds, int minRuns, List<Diagnostic> problems)
    {
        var chosen = MeasuredGatesReader.Tests.FirstOrDefault(t => t.Key == test);
        if (chosen.Key is null)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--test: '{test}' is not a test; use one of {string.Join(", ", MeasuredGatesReader.Tests.Select(t => t.Key))}", SourceLocation.None));
        }

        if (!(alpha > 0 && alpha < 1))
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"--alpha: {alpha} must be between 0 and 1, e.g. 0.05 or 0.01"), SourceLocation.None));
        }

        if (minRuns < 1)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"--min-runs: {minRuns} must be at least 1"), SourceLocation.None));
        }

        var defaultFloor = Percent(floor, "--floor", problems);
        var floors = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var t in thresholds)
        {
            var parts = t.Split('=', 2);
            var metric = parts[0].Trim();
            var kind = metric.Split('.')[0];
            if (parts.Length != 2 || MeasuredMetricKinds.ByKey(kind) is null)
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--threshold: '{t}' is not METRIC=PERCENT with METRIC one of {string.Join(", ", MeasuredMetricKinds.All.Select(k => k.Key))} (optionally .STATISTIC), e.g. ttft.p99=20%", SourceLocation.None));
                continue;
            }

            if (Percent(parts[1], "--threshold " + metric, problems) is { } value)
            {
                floors[metric] = value;
            }
        }

        return problems.Count > 0 ? null : new MeasuredGateOptions(chosen.Value, alpha, defaultFloor!.Value, minRuns, floors);
    }

    private static double? Percent(string text, string option, List<Diagnostic> problems)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith('%') && double.TryParse(trimmed[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p >= 0 && double.IsFinite(p))
        {
            return p / 100;
        }

        problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option}: '{text}' is not a percentage; write e.g. 5% (a relative change, '.' as the decimal separator)", SourceLocation.None));
        return null;
    }
}
