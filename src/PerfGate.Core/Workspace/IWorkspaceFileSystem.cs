namespace PerfGate.Workspace;

/// <summary>
/// The file access the workspace loader needs, so that loading is testable without a disk
/// (<see cref="InMemoryWorkspaceFileSystem"/>) and the core stays free of direct I/O.
/// Paths are absolute; implementations accept '/' as the separator.
/// </summary>
public interface IWorkspaceFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    long GetFileLength(string path);

    byte[] ReadAllBytes(string path);

    /// <summary>Every file under <paramref name="directory"/>, recursively, as absolute paths.</summary>
    IEnumerable<string> EnumerateFiles(string directory);
}
