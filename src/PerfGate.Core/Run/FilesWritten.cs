using PerfGate.Diagnostics;
using PerfGate.IO;

namespace PerfGate.Run;

/// <summary>
/// Files written into a folder in order (init's workspace, the JSON Schemas): the paths written, as shown to the user,
/// and the diagnostics; the first write that fails (PG2017, <see cref="OutputFiles"/>) stops the rest.
/// </summary>
public sealed record FilesWritten(IReadOnlyList<string> Written, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <param name="files">The file-system port.</param>
    /// <param name="folder">Absolute folder to write into (created when missing).</param>
    /// <param name="shownFolder">The folder as the user named it, for the paths shown; null shows them relative to it.</param>
    /// <param name="texts">Folder-relative paths with '/' and their texts.</param>
    /// <param name="option">What asked for the files, for the messages (e.g. <c>--output</c>).</param>
    public static FilesWritten Write(IFileSystem files, string folder, string? shownFolder, IEnumerable<KeyValuePair<string, string>> texts, string option)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var written = new List<string>();
        foreach (var (relative, text) in texts)
        {
            var shown = shownFolder is null ? relative : Path.Combine(shownFolder, relative).Replace('\\', '/');
            if (OutputFiles.TryWrite(files, Path.Combine(folder, relative), shown, text, option) is { } problem)
            {
                return new FilesWritten(written, [problem]);
            }

            written.Add(shown);
        }

        return new FilesWritten(written, []);
    }
}
