using PerfGate.Run;
using PerfGate.Workspace;

namespace PerfGate.Cli.Gate;

/// <summary>What check and approve share on the command line: the run request from the options and environment, and how paths are shown.</summary>
internal static class GateSession
{
    /// <summary>The workspace root (--workspace, else the current directory) and the PERFGATE_* overrides.</summary>
    public static WorkspaceRunRequest Request(CliContext context, string? workspaceDir) =>
        new(Path.GetFullPath(workspaceDir ?? ".", context.CurrentDirectory)) { Overrides = Overrides(context) };

    /// <summary>Paths in diagnostics and reports, relative to the current directory.</summary>
    public static PathDisplay Paths(CliContext context, WorkspaceEvaluation evaluation) => new(context.CurrentDirectory, evaluation.Root);

    /// <summary>PERFGATE_* environment variables for the overridable settings (see <see cref="WorkspaceSettingKeys"/>).</summary>
    private static Dictionary<string, string?> Overrides(CliContext context)
    {
        var overrides = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in WorkspaceSettingKeys.All)
        {
            if (context.GetEnvironmentVariable(WorkspaceSettingKeys.EnvironmentVariable(key)) is { Length: > 0 } value)
            {
                overrides[key] = value;
            }
        }

        return overrides;
    }
}
