using System.CommandLine;
using System.Globalization;
using PerfGate.Cli.Output;
using PerfGate.Diagnostics;
using PerfGate.Measurements;
using PerfGate.Measurements.Gate;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate measured compare BASELINE NEW...</c>: the noise-aware gate for measured runs. Runs at the same load point
/// are repeats; a metric regresses when the test (one-sided, --alpha) AND the floor both say worse. Exit 0 no regression,
/// 1 regression, 2 bad input.
/// </summary>
internal static class MeasuredCompareCommand
{
    private static readonly IReadOnlyList<KeyValuePair<string, SignificanceTest>> Tests =
        [new("welch", SignificanceTest.Welch), new("mann-whitney", SignificanceTest.MannWhitney)];

    private static readonly IReadOnlyList<string> Reports = ["console", "markdown", "json"];

    public static Command Create(CliContext context)
    {
        var baseline = new Argument<string>("baseline") { Description = "The baseline report (its runs at one load point are repeats)." };
        var current = new Argument<string[]>("new") { Description = "The new reports.", Arity = ArgumentArity.OneOrMore };
        var test = new Option<string>("--test") { Description = "welch (default) or mann-whitney.", DefaultValueFactory = _ => "welch" };
        var alpha = OptionParsing.Number("--alpha", "Significance level of the one-sided test (default 0.05).", MeasuredGateOptions.Default.Alpha);
        var floor = new Option<string>("--floor") { Description = "Practical floor: the least relative change that counts, e.g. 5% (default).", DefaultValueFactory = _ => "5%" };
        var thresholds = new Option<string[]>("--threshold") { Description = "A floor for one metric, repeatable: ttft=10% (every statistic) or ttft.p99=20%." };
        var minRuns = new Option<int>("--min-runs") { Description = "Runs needed on each side to judge a metric (default 3; 1 compares single runs by the floor alone).", DefaultValueFactory = _ => MeasuredGateOptions.Default.MinRuns };
        var report = new Option<string>("--report") { Description = "console (default), markdown or json.", DefaultValueFactory = _ => "console" };
        var output = new Option<string?>("--output", "-o") { Description = "Write the report to this file instead of the console." };
        var reading = new MeasuredReading();
        var exports = new MeasuredExports();
        var command = new Command("compare", "Gate new measured runs against baseline runs: a significance test AND a practical floor, per metric, knowing which way is worse.");
        command.Arguments.Add(baseline);
        command.Arguments.Add(current);
        foreach (var o in new Option[] { test, alpha, floor, thresholds, minRuns, report, output })
        {
            command.Options.Add(o);
        }

        reading.AddTo(command);
        exports.AddTo(command);
        command.SetAction(parse =>
        {
            var problems = new List<Diagnostic>();
            var options = Options(parse.GetValue(test)!, parse.GetValue(alpha), parse.GetValue(floor)!, parse.GetValue(thresholds) ?? [], parse.GetValue(minRuns), problems);
            var kind = parse.GetValue(report)!;
            if (!Reports.Contains(kind))
            {
                problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--report: '{kind}' is not a report format; use one of {string.Join(", ", Reports)}", SourceLocation.None));
            }

            if (problems.Count > 0)
            {
                return DiagnosticPrinter.Fail(context, problems);
            }

            if (reading.Read(context, parse, [parse.GetValue(baseline)!]) is not { } before
                || reading.Read(context, parse, parse.GetValue(current)!) is not { } after)
            {
                return ExitCodes.BadInput;
            }

            var result = MeasuredGate.Compare(before, after, options!);
            var text = kind switch
            {
                "markdown" => MeasuredCompareReport.Markdown(result),
                "json" => MeasuredCompareReport.Json(result),
                _ => MeasuredCompareReport.Console(result),
            };
            if (!exports.Write(context, parse, after))
            {
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(output) is { } target)
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
        });
        return command;
    }

    private static MeasuredGateOptions? Options(string test, double alpha, string floor, string[] thresholds, int minRuns, List<Diagnostic> problems)
    {
        var chosen = Tests.FirstOrDefault(t => t.Key == test);
        if (chosen.Key is null)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--test: '{test}' is not a test; use one of {string.Join(", ", Tests.Select(t => t.Key))}", SourceLocation.None));
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
