namespace PerfGate.Run;

/// <summary>
/// What a front end asks of a workspace run: the folder holding perfgate.yaml and the settings it layers over the
/// file (<c>PERFGATE_*</c> variables, then the command line; see <see cref="Workspace.WorkspaceSettingKeys"/>).
/// </summary>
public sealed record WorkspaceRunRequest(string Root)
{
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>The date accepted differences expire against (the front end passes today's UTC date; default: none expire).</summary>
    public DateOnly Today { get; init; } = DateOnly.MinValue;

    /// <summary>Scenario ids or globs (<c>qwq-*</c>) to evaluate and compare; empty: every scenario.</summary>
    public IReadOnlyList<string> Scenarios { get; init; } = [];

    /// <summary>True when <paramref name="id"/> is selected by <see cref="Scenarios"/>.</summary>
    public bool Selects(string id) => Scenarios.Count == 0 || Scenarios.Any(p => Syntax.Glob.IsMatch(p, id));

    /// <summary>Only the scenarios (and baselines) of this shard are evaluated and compared; null: all of them.</summary>
    public ScenarioShard? Shard { get; init; }

    /// <summary>How many scenarios are evaluated, and baselines read, at once (default: one per core). The output does not depend on it.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>True when <paramref name="id"/> is both selected and owned by this run's shard: the baselines it compares.</summary>
    public bool Covers(string id) => Selects(id) && (Shard is not { } shard || shard.Owns(id));
}
