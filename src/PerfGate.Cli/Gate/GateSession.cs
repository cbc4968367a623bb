using PerfGate.Run;
using PerfGate.Workspace;

namespace PerfGate.Cli.Gate;

/// <summary>What check and approve share on the command line: the run request from the options and environment, and how paths are shown.</summary>
internal static class GateSession
{
    /// <summary>The workspace root (--workspace, else the nearest folder at or above the current one with perfgate.yaml) and the PERFGATE_* overrides.</summary>
    public static WorkspaceRunRequest Request(CliContext context, string? workspaceDir) =>
        new(WorkspaceDiscovery.Find(context.CurrentDirectory, workspaceDir, PerfGate.IO.PhysicalFileSystem.Instance)) { Overrides = Overrides(context), Today = DateOnly.FromDateTime(DateTime.UtcNow) };

    /// <summary>The run request from the shared workspace options: root, then PERFGATE_* and --baselines / --set overrides.</summary>
    public static WorkspaceRunRequest Request(CliContext context, System.CommandLine.ParseResult parse, Commands.WorkspaceOptions options) =>
        new(options.Root(parse, context)) { Overrides = options.Overrides(parse, context), Today = DateOnly.FromDateTime(DateTime.UtcNow) };

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
