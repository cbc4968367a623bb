using PerfGate.Diagnostics;
using PerfGate.IO;

namespace PerfGate.Cli.Output;

/// <summary>
/// Writes a file named on the command line (--output, --csv, --svg) so that nothing already on disk is lost:
/// the text goes to a temporary file beside the target, which is then renamed over it (<see cref="PhysicalFileSystem"/>,
/// which also creates missing folders, as the gate's reports do). A target that is a folder, a parent that is a file,
/// or a write the system refuses is a PG2017 diagnostic at the path (exit code 2), never an exception.
/// </summary>
internal static class OutputFile
{
    /// <summary>True when written; otherwise the diagnostic has been written to the error stream.</summary>
    public static bool TryWrite(CliContext context, string path, string text, string option)
    {
        var problem = TryWrite(Path.GetFullPath(path, context.CurrentDirectory), path, text, option);
        if (problem is null)
        {
            return true;
        }

        context.Error.WriteLine(problem.ToCanonicalString());
        return false;
    }

    /// <summary>
    /// Writes <paramref name="text"/> to <paramref name="full"/>; null when written, otherwise the PG2017 error located
    /// at <paramref name="shown"/> (the path as the user should read it), for callers that print diagnostics themselves.
    /// </summary>
    public static Diagnostic? TryWrite(string full, string shown, string text, string option)
    {
        var at = new SourceLocation(shown);
        if (Directory.Exists(full))
        {
            return Diagnostic.Error(DiagnosticIds.OutputNotWritable, $"{option}: this is a folder; name a file to write", at);
        }

        try
        {
            PhysicalFileSystem.Instance.WriteAllTextAtomic(full, text);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Diagnostic.Error(DiagnosticIds.OutputNotWritable, $"{option}: cannot write the file: {ex.Message}; name a file in a folder you can write to (the previous file, if any, is unchanged)", at);
        }
    }
}
