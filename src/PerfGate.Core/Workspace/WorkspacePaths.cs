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
        // A path the loader built (the root, '/', then plain names) is relative by its tail: the answer GetRelativePath
        // gives, without making both paths full (two path walks, called for every file a check reads).
        if (PlainTail(root, absolutePath) is { } tail)
        {
            return tail;
        }

        var relative = Path.GetRelativePath(root, absolutePath).Replace('\\', '/');
        if (relative == ".")
        {
            return string.Empty;
        }

        return relative == ".." || relative.StartsWith("../", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? null : relative;
    }

    public static string Normalize(string path) => path.Replace('\\', '/');

    /// <summary>
    /// The part of <paramref name="absolutePath"/> after <paramref name="root"/> and '/', when the root is fully qualified
    /// without a trailing '/' and that part is plain names ('/'-separated; none empty, '.', '..' or ending in '.' or ' ',
    /// which Windows trims; no '\\'): then it is what <see cref="Path.GetRelativePath"/> gives. Otherwise null.
    /// </summary>
    private static string? PlainTail(string root, string absolutePath)
    {
        if (root.Length == 0 || root[^1] is '/' or '\\' || absolutePath.Length <= root.Length + 1 || absolutePath[root.Length] != '/'
            || !absolutePath.StartsWith(root, StringComparison.Ordinal) || !Path.IsPathFullyQualified(root))
        {
            return null;
        }

        var tail = absolutePath.AsSpan(root.Length + 1);
        if (tail.Contains('\\'))
        {
            return null;
        }

        foreach (var range in tail.Split('/'))
        {
            var name = tail[range];
            if (name.IsEmpty || name is "." or ".." || name[^1] is '.' or ' ')
            {
                return null;
            }
        }

        return tail.ToString();
    }
}
