namespace PerfGate.Diagnostics;

/// <summary>
/// How a front end shows the paths in diagnostics and reports: a workspace file relative to the current directory when
/// it is inside it (forward slashes), else absolute; built-in and command-line locations as they are.
/// </summary>
public sealed class PathDisplay(string currentDirectory, string workspaceRoot)
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

    /// <summary><paramref name="diagnostic"/> with its file shown by <see cref="Show(string)"/>; as it is when it has no location.</summary>
    public Diagnostic Show(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return diagnostic.Location.IsKnown ? diagnostic with { Location = diagnostic.Location with { File = Show(diagnostic.Location.File) } } : diagnostic;
    }
}
