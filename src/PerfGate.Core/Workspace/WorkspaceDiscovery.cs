using PerfGate.IO;

namespace PerfGate.Workspace;

/// <summary>
/// Finds the workspace a command runs in, as git finds its repository and the MSBuild package finds perfgate.yaml: the
/// folder given (--workspace), else the nearest folder at or above the current one that holds perfgate.yaml, else the
/// current folder (where loading then reports the missing perfgate.yaml).
/// </summary>
public static class WorkspaceDiscovery
{
    public const string SettingsFileName = "perfgate.yaml";

    /// <param name="currentDirectory">Absolute path of the folder the command runs in.</param>
    /// <param name="given">--workspace as typed (relative to <paramref name="currentDirectory"/>), or null.</param>
    /// <param name="files">The file system to look in.</param>
    public static string Find(string currentDirectory, string? given, IFileSystem files)
    {
        ArgumentNullException.ThrowIfNull(files);
        if (given is not null)
        {
            return Path.GetFullPath(given, currentDirectory);
        }

        for (var folder = Path.GetFullPath(currentDirectory); folder is not null; folder = Path.GetDirectoryName(folder))
        {
            if (files.FileExists(Path.Combine(folder, SettingsFileName)))
            {
                return folder;
            }
        }

        return Path.GetFullPath(currentDirectory);
    }

    /// <summary>True when <see cref="Find"/> would find a perfgate.yaml (commands such as estimate then add its catalog).</summary>
    public static bool TryFind(string currentDirectory, string? given, IFileSystem files, out string root)
    {
        root = Find(currentDirectory, given, files);
        return files.FileExists(Path.Combine(root, SettingsFileName));
    }
}
