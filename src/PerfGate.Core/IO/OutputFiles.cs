using PerfGate.Diagnostics;

namespace PerfGate.IO;

/// <summary>
/// Writes a file a user named (<c>--output</c>, <c>--csv</c>, <c>--report markdown=FILE</c>) so that nothing already on
/// disk is lost: the text goes through <see cref="IFileSystem.WriteAllTextAtomic"/> (a temporary file beside the target,
/// renamed over it; missing folders are created, as the gate's reports do). A target that is a folder, a parent that is
/// a file, or a write the system refuses is a PG2017 diagnostic at the path (the front end exits 2), never an exception.
/// </summary>
public static class OutputFiles
{
    /// <summary>
    /// Writes <paramref name="text"/> to the absolute <paramref name="full"/>; null when written, otherwise the PG2017 error
    /// located at <paramref name="shown"/> (the path as the user should read it). <paramref name="option"/> names what asked
    /// for the file (e.g. <c>--csv</c>).
    /// </summary>
    public static Diagnostic? TryWrite(IFileSystem files, string full, string shown, string text, string option)
    {
        ArgumentNullException.ThrowIfNull(files);
        var at = new SourceLocation(shown);
        try
        {
            if (files.DirectoryExists(full))
            {
                return Diagnostic.Error(DiagnosticIds.OutputNotWritable, $"{option}: this is a folder; name a file to write", at);
            }

            files.WriteAllTextAtomic(full, text);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Diagnostic.Error(DiagnosticIds.OutputNotWritable, $"{option}: cannot write the file: {ex.Message}; name a file in a folder you can write to (the previous file, if any, is unchanged)", at);
        }
    }
}
