namespace PerfGate.Run;

/// <summary>
/// What a front end asks of a workspace run: the folder holding perfgate.yaml and the settings it layers over the
/// file (<c>PERFGATE_*</c> variables, then the command line; see <see cref="Workspace.WorkspaceSettingKeys"/>).
/// </summary>
public sealed record WorkspaceRunRequest(string Root)
{
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Only the scenarios (and baselines) of this shard are evaluated and compared; null: all of them.</summary>
    public ScenarioShard? Shard { get; init; }

    /// <summary>How many scenarios are evaluated, and baselines read, at once (default: one per core). The output does not depend on it.</summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;
}
