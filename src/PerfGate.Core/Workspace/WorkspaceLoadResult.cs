using PerfGate.Diagnostics;

namespace PerfGate.Workspace;

/// <summary>The workspace, or null when any error was found; all diagnostics either way.</summary>
public sealed record WorkspaceLoadResult(LoadedWorkspace? Workspace, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
