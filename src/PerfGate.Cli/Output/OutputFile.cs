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
        var problem = OutputFiles.TryWrite(PhysicalFileSystem.Instance, Path.GetFullPath(path, context.CurrentDirectory), path, text, option);
        if (problem is null)
        {
            return true;
        }

        context.Error.WriteLine(problem.ToCanonicalString());
        return false;
    }
}
