namespace PerfGate.Run;

/// <summary>
/// What a front end asks of a workspace run: the folder holding perfgate.yaml and the settings it layers over the
/// file (<c>PERFGATE_*</c> variables, then the command line; see <see cref="Workspace.WorkspaceSettingKeys"/>).
/// </summary>
public sealed record WorkspaceRunRequest(string Root)
{
    public IReadOnlyDictionary<string, string?> Overrides { get; init; } = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
}
