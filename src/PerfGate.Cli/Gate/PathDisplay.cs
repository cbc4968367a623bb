using PerfGate.Diagnostics;

namespace PerfGate.Cli.Gate;

/// <summary>Paths in diagnostics and reports: relative to the current directory when inside it (forward slashes), else absolute.</summary>
internal sealed class PathDisplay(string currentDirectory, string workspaceRoot)
{
    /// <summary><paramref name="path"/> is absolute or relative to the workspace root.</summary>
    public string Show(string path)
    {
        // Only a workspace file has a path to show relative to the current folder.
        if (DocumentNames.OriginOf(path) != DocumentOrigin.Workspace)
        {
            return path;
        }

        var full = Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(workspaceRoot, path));
        var relative = Path.GetRelativePath(currentDirectory, full);
        var inside = relative != ".." && !relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) && !Path.IsPathRooted(relative);
        return inside ? relative.Replace('\\', '/') : full;
    }
}
