namespace PerfGate.Reports;

/// <summary>
/// What a report needs besides the gate's result, chosen by the host: how a path is shown (the CLI makes
/// workspace paths relative to the current directory), and for the terminal report its colour, width and the
/// host's table renderer (Core has no console library; the CLI passes a Spectre.Console one).
/// </summary>
public sealed record ReportContext(Func<string, string> DisplayPath)
{
    /// <summary>ANSI colour in the console report (the CLI: on a terminal only, and without NO_COLOR).</summary>
    public bool Colour { get; init; }

    /// <summary>Console width in characters.</summary>
    public int Width { get; init; } = 120;

    /// <summary>Draws the console report's model; required by <see cref="ConsoleReport"/> only.</summary>
    public IConsoleReportRenderer? ConsoleRenderer { get; init; }

    /// <summary>
    /// The shard this check covers (<c>perfgate check --shard</c>), or null. The JSON report of a shard names it and
    /// carries the findings, so that <c>perfgate merge</c> can join the shards' reports (<see cref="Run.ShardMerge"/>).
    /// </summary>
    public Run.ScenarioShard? Shard { get; init; }

    /// <summary>
    /// The configured baselines folder as shown to the reader (perfgate.yaml's <c>baselines:</c> or <c>--baselines</c>,
    /// relative to the workspace root, <c>/</c>-separated): where the reports tell a reviewer the approved files are.
    /// </summary>
    public string BaselinesFolder { get; init; } = "baselines";

    /// <summary>Per scenario id, what its evaluation produced besides its figures (memory budget, accuracy, evaluation time); empty unless the host passes it.</summary>
    public IReadOnlyDictionary<string, Evaluation.ScenarioDetails> Details { get; init; } = new Dictionary<string, Evaluation.ScenarioDetails>(StringComparer.Ordinal);

    /// <summary>The details of <paramref name="scenarioId"/>, or <see cref="Evaluation.ScenarioDetails.None"/>.</summary>
    public Evaluation.ScenarioDetails DetailsOf(string scenarioId) => Details.GetValueOrDefault(scenarioId) ?? Evaluation.ScenarioDetails.None;

    /// <summary>"baselines/*.verified.txt" for the configured folder.</summary>
    public string BaselineFiles => BaselinesFolder.TrimEnd('/') + "/*.verified." + Gate.SnapshotFormat.Extension;

    /// <summary>This context with the configured baselines folder and every scenario's details of a successful <paramref name="evaluation"/>.</summary>
    public ReportContext For(Run.WorkspaceEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        return this with
        {
            BaselinesFolder = evaluation.Workspace?.Settings.Baselines.Replace('\\', '/') ?? BaselinesFolder,
            Details = evaluation.Scenarios.ToDictionary(s => s.Snapshot.ScenarioId, s => s.Details, StringComparer.Ordinal),
        };
    }

    /// <summary>Accuracy pictures (ITL and TTFT against request rate) of the scenarios with a <c>measured:</c> section, for the Markdown report; empty when none were written.</summary>
    public IReadOnlyList<AccuracyPicture> Accuracy { get; init; } = [];
}
