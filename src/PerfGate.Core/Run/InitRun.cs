using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Workspace;

namespace PerfGate.Run;

/// <summary>
/// <c>perfgate init</c>: writes <see cref="WorkspaceTemplate"/>'s files into a folder through the port. Files that already
/// exist are never overwritten without <c>force</c>: each is an error at its path and nothing is written.
/// </summary>
public static class InitRun
{
    public static FilesWritten Write(IFileSystem files, string root, bool force)
    {
        ArgumentNullException.ThrowIfNull(files);
        var template = WorkspaceTemplate.Files();
        var existing = template.Where(f => files.FileExists(Path.Combine(root, f.Key))).ToList();
        if (existing.Count > 0 && !force)
        {
            return new FilesWritten([], [.. existing.Select(f => Diagnostic.Error(DiagnosticIds.OutputNotWritable, "already exists; init writes nothing over your files (pass --force to overwrite)", new SourceLocation(f.Key)))]);
        }

        return FilesWritten.Write(files, root, null, template, "init");
    }
}
