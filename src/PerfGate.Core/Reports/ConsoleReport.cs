using System.Globalization;
using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>
/// <c>--report console</c>, the compact terminal table: one row per scenario, plus up to <see cref="MaxDriftsPerScenario"/>
/// rows for its largest failing drifts, then the approve commands. A check of more than <see cref="ListEveryScenarioUpTo"/>
/// scenarios lists only those with something to say (drifted, new, removed, equal within a tolerance, stale provenance)
/// and counts the plainly equal ones on one row: a pull request's log shows its changes, not a page per hundred
/// unchanged scenarios (the Markdown, JSON, JUnit and HTML reports list every scenario). Core builds the <see cref="ConsoleReportModel"/>
/// (<see cref="Model"/>); the host's <see cref="IConsoleReportRenderer"/> draws it (colour only when the context asks).
/// Culture-invariant like every PerfGate output ("27.1235" on every machine), so a CI log and a local run diff cleanly.
/// Terminal only: no default file.
/// </summary>
public sealed class ConsoleReport : IReportFormat
{
    public const int MaxDriftsPerScenario = 5;

    /// <summary>Up to this many scenarios, every one has its row; beyond, the plainly equal ones are counted on one row.</summary>
    public const int ListEveryScenarioUpTo = 50;

    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    private static readonly ConsoleColumn[] Columns =
    [
        new("Scenario"),
        new("Status"),
        new("Figure", Wrap: false),
        new("Baseline", RightAligned: true, Wrap: false),
        new("Now", RightAligned: true, Wrap: false),
        new("Change", RightAligned: true, Wrap: false),
    ];

    public string Name => "console";

    public IReadOnlyList<string> Aliases => [];

    public string? DefaultFileName => null;

    public bool GoesToJobSummary => false;

    public string Render(GateResult result, ReportContext context)
    {
        var renderer = context.ConsoleRenderer
            ?? throw new InvalidOperationException("The console report needs the host's IConsoleReportRenderer in ReportContext.ConsoleRenderer.");
        return renderer.Render(Model(result), context.Colour, context.Width);
    }

    public static ConsoleReportModel Model(GateResult result)
    {
        var rows = new List<IReadOnlyList<ConsoleCell>>();
        var fold = result.Scenarios.Count > ListEveryScenarioUpTo;
        var folded = 0;
        var foldedFigures = 0L;
        foreach (var s in result.Scenarios)
        {
            if (fold && PlainlyEqual(s))
            {
                folded++;
                foldedFigures += s.Current?.FigureCount ?? 0;
                continue;
            }

            AddScenario(rows, s);
        }

        var footer = new List<ConsoleCell>();
        if (folded > 0)
        {
            rows.Add([new(string.Format(Culture, "{0} scenario(s), not listed", folded)), new(ReportFormat.Status(ScenarioStatus.Equal), ConsoleTone.Good), new(string.Format(Culture, "{0} figure(s)", foldedFigures)), ConsoleCell.Empty, ConsoleCell.Empty, ConsoleCell.Empty]);
            footer.Add(new(string.Format(Culture, "A check of more than {0} scenarios lists only those that are not plainly equal; --report markdown=FILE, json=FILE, junit=FILE or html=FILE lists every one.", ListEveryScenarioUpTo)));
        }

        var pending = result.Scenarios.Where(s => s.FailsGate).ToList();
        if (pending.Count > 0)
        {
            footer.Add(new("Review the changes, then approve them:"));
            footer.AddRange(pending.Select(s => new ConsoleCell($"  {s.ApproveCommand}", ConsoleTone.Command)));
            footer.Add(new("  (or all at once: perfgate approve --all)"));
        }

        var stale = result.Scenarios.Where(s => s.ProvenanceStale).ToList();
        if (stale.Count > 0)
        {
            footer.Add(new("Provenance is stale (an input changed, every figure and setting is equal; the gate passes). Refresh it with:"));
            footer.AddRange(stale.Select(s => new ConsoleCell($"  {s.ApproveCommand}", ConsoleTone.Command)));
        }

        return new ConsoleReportModel(new ConsoleCell(Headline(result), ConsoleTone.Strong), Columns, rows, footer);
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

    /// <summary>Equal with nothing to tell: no figure within a tolerance, no stale provenance.</summary>
    private static bool PlainlyEqual(ScenarioComparison s) => s.Status == ScenarioStatus.Equal && !s.ProvenanceStale && !s.WithinTolerance.Any();

    private static string Stale(ScenarioComparison s) => s.ProvenanceStale ? "; provenance stale" : string.Empty;

    private static void AddScenario(List<IReadOnlyList<ConsoleCell>> rows, ScenarioComparison s)
    {
        var tone = s.Status switch
        {
            ScenarioStatus.Equal => ConsoleTone.Good,
            ScenarioStatus.Drifted => ConsoleTone.Bad,
            ScenarioStatus.New or ScenarioStatus.Removed => ConsoleTone.Attention,
            _ => throw new ArgumentOutOfRangeException(nameof(s), s.Status, "unknown scenario status"),
        };
        var failing = ReportFormat.Ranked(s.Failing).ToList();
        var tolerated = s.WithinTolerance.Count();
        var summary = s.Status switch
        {
            ScenarioStatus.Equal when tolerated > 0 => string.Format(Culture, "{0} figure(s) within tolerance", tolerated) + Stale(s),
            ScenarioStatus.Equal => string.Format(Culture, "{0} figure(s)", s.Current?.FigureCount ?? 0) + Stale(s),
            ScenarioStatus.Drifted when s.SettingsOnly => string.Format(Culture, "{0} setting(s) differ", s.SettingChanges.Count),
            ScenarioStatus.New => string.Format(Culture, "{0} figure(s), no baseline", s.Current?.FigureCount ?? 0),
            ScenarioStatus.Removed => "no scenario",
            _ => string.Format(Culture, "{0} figure(s) moved", failing.Count),
        };
        rows.Add([new(s.ScenarioId), new(ReportFormat.Status(s.Status), tone), new(summary), ConsoleCell.Empty, ConsoleCell.Empty, ConsoleCell.Empty]);
        foreach (var d in failing.Take(MaxDriftsPerScenario))
        {
            var change = d.Kind == DriftKind.Changed
                ? $"{ReportFormat.Percent(d.ChangePercent, Culture)} {ReportFormat.Label(d.Label)}"
                : d.Kind == DriftKind.Added ? "added" : "removed";
            var changeTone = d.Label switch
            {
                DriftLabel.Regression => ConsoleTone.Bad,
                DriftLabel.Improvement => ConsoleTone.Good,
                DriftLabel.Change => ConsoleTone.Plain,
                _ => throw new ArgumentOutOfRangeException(nameof(s), d.Label, "unknown drift label"),
            };
            rows.Add(
            [
                ConsoleCell.Empty,
                ConsoleCell.Empty,
                new(d.Key),
                new(ReportFormat.Value(d.Old, d.OldUnit, Culture)),
                new(ReportFormat.Value(d.New, d.NewUnit, Culture)),
                new(change, changeTone),
            ]);
        }

        if (s.SettingsOnly)
        {
            foreach (var c in s.SettingChanges.Take(MaxDriftsPerScenario))
            {
                rows.Add([ConsoleCell.Empty, ConsoleCell.Empty, new("setting " + c.Key), new(c.Old ?? "(unset)"), new(c.New ?? "(unset)"), new("setting", ConsoleTone.Bad)]);
            }

            if (s.SettingChanges.Count > MaxDriftsPerScenario)
            {
                rows.Add([ConsoleCell.Empty, ConsoleCell.Empty, new(string.Format(Culture, "... and {0} more", s.SettingChanges.Count - MaxDriftsPerScenario)), ConsoleCell.Empty, ConsoleCell.Empty, ConsoleCell.Empty]);
            }
        }

        if (failing.Count > MaxDriftsPerScenario)
        {
            rows.Add([ConsoleCell.Empty, ConsoleCell.Empty, new(string.Format(Culture, "... and {0} more", failing.Count - MaxDriftsPerScenario)), ConsoleCell.Empty, ConsoleCell.Empty, ConsoleCell.Empty]);
        }
    }
}
