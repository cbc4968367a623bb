namespace PerfGate.Workspace;

/// <summary>Resolves the paths a user writes against the workspace root and keeps them inside it.</summary>
public static class WorkspacePaths
{
    /// <summary>The absolute path of <paramref name="path"/> written in a file in <paramref name="baseDirectory"/>.</summary>
    public static string Resolve(string baseDirectory, string path) =>
        Normalize(Path.GetFullPath(Path.Combine(baseDirectory, path.Replace('\\', '/'))));

    /// <summary>The path relative to <paramref name="root"/> with '/' separators, or null when it lies outside the root.</summary>
    public static string? RelativeInside(string root, string absolutePath)
    {
        var relative = Path.GetRelativePath(root, absolutePath).Replace('\\', '/');
        if (relative == ".")
        {
            return string.Empty;
        }

        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    public static string Normalize(string path) => path.Replace('\\', '/');
}
