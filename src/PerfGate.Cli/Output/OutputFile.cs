using PerfGate.Diagnostics;
using PerfGate.IO;

namespace PerfGate.Cli.Output;

/// <summary>
/// Writes a file named on the command line (--output, --csv, --svg) on the disk, relative to the current folder, by
/// Core's rules (<see cref="OutputFiles"/>: atomic, never an exception, PG2017 at the path when it cannot be written).
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

    /// <summary>Writes the absolute <paramref name="full"/>; null when written, else the PG2017 error at <paramref name="shown"/>, for callers that print diagnostics themselves.</summary>
    public static Diagnostic? TryWrite(string full, string shown, string text, string option) =>
        OutputFiles.TryWrite(PhysicalFileSystem.Instance, full, shown, text, option);
}
