using System.Globalization;
using PerfGate.Gate;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace PerfGate.Reports;

/// <summary>
/// The compact console table: one row per scenario, plus up to <see cref="MaxDriftsPerScenario"/> rows
/// for its largest failing drifts, then the approve commands. A pure function to a string; colour
/// (ANSI) only when <c>colour</c> is true (the CLI passes true on a terminal only).
/// Culture-invariant like every PerfGate output ("27.1235" on every machine), so a CI log and a local run diff cleanly.
/// </summary>
public static class ConsoleReport
{
    public const int MaxDriftsPerScenario = 5;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public static string Render(GateResult result, bool colour, int width = 120)
    {
        var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = colour ? AnsiSupport.Yes : AnsiSupport.No,
            ColorSystem = colour ? ColorSystemSupport.Standard : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        console.Profile.Capabilities.Unicode = true;

        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.AddColumn("Scenario");
        table.AddColumn("Status");
        table.AddColumn(new TableColumn("Figure").NoWrap());
        table.AddColumn(new TableColumn("Baseline").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Now").RightAligned().NoWrap());
        table.AddColumn(new TableColumn("Change").RightAligned().NoWrap());
        foreach (var s in result.Scenarios)
        {
            AddScenario(table, s);
        }

        console.Write(new Text(Headline(result) + "\n", new Style(decoration: Decoration.Bold)));
        console.Write(table);
        var pending = result.Scenarios.Where(s => s.FailsGate).ToList();
        if (pending.Count > 0)
        {
            console.Write(new Text("Review the changes, then approve them:\n"));
            foreach (var s in pending)
            {
                console.Write(new Text($"  {s.ApproveCommand}\n", new Style(Color.Aqua)));
            }

            console.Write(new Text("  (or all at once: perfgate approve --all)\n"));
        }

        return writer.ToString();
    }

    public static string Headline(GateResult result) => string.Format(
        Culture,
        "PerfGate: {0} scenario(s): {1} equal, {2} drifted, {3} new, {4} removed - {5}",
        result.Scenarios.Count,
        result.Count(ScenarioStatus.Equal),
        result.Count(ScenarioStatus.Drifted),
        result.Count(ScenarioStatus.New),
        result.Count(ScenarioStatus.Removed),
        result.Passed ? "gate passed" : "gate failed");

    private static void AddScenario(Table table, ScenarioComparison s)
    {
        var (status, style) = s.Status switch
        {
            ScenarioStatus.Equal => ("equal", new Style(Color.Green)),
            ScenarioStatus.Drifted => ("drifted", new Style(Color.Red)),
            ScenarioStatus.New => ("new", new Style(Color.Yellow)),
            _ => ("removed", new Style(Color.Yellow)),
        };
        var failing = ReportFormat.Ranked(s.Failing).ToList();
        var tolerated = s.WithinTolerance.Count();
        var summary = s.Status switch
        {
            ScenarioStatus.Equal when tolerated > 0 => string.Format(Culture, "{0} figure(s) within tolerance", tolerated),
            ScenarioStatus.Equal => string.Format(Culture, "{0} figure(s)", s.Current?.AllFigures().Count() ?? 0),
            ScenarioStatus.New => string.Format(Culture, "{0} figure(s), no baseline", s.Current?.AllFigures().Count() ?? 0),
            ScenarioStatus.Removed => "no scenario",
            _ => string.Format(Culture, "{0} figure(s) moved", failing.Count),
        };
        table.AddRow(new Text(s.ScenarioId), new Text(status, style), new Text(summary), Empty(), Empty(), Empty());
        foreach (var d in failing.Take(MaxDriftsPerScenario))
        {
            var change = d.Kind == DriftKind.Changed
                ? $"{ReportFormat.Percent(d.ChangePercent, Culture)} {ReportFormat.Label(d.Label)}"
                : d.Kind == DriftKind.Added ? "added" : "removed";
            var changeStyle = d.Label switch
            {
                DriftLabel.Regression => new Style(Color.Red),
                DriftLabel.Improvement => new Style(Color.Green),
                _ => Style.Plain,
            };
            table.AddRow(
                Empty(),
                Empty(),
                new Text(d.Key),
                new Text(ReportFormat.Value(d.Old, d.OldUnit, Culture)),
                new Text(ReportFormat.Value(d.New, d.NewUnit, Culture)),
                new Text(change, changeStyle));
        }

        if (failing.Count > MaxDriftsPerScenario)
        {
            table.AddRow(Empty(), Empty(), new Text(string.Format(Culture, "... and {0} more", failing.Count - MaxDriftsPerScenario)), Empty(), Empty(), Empty());
        }
    }

    private static IRenderable Empty() => new Text(string.Empty);
}
