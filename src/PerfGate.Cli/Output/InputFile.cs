using PerfGate.Diagnostics;
using PerfGate.IO;

namespace PerfGate.Cli.Output;

/// <summary>A file named on the command line, read from the disk relative to the current folder (see <see cref="InputFiles"/>).</summary>
internal static class InputFile
{
    public static byte[]? ReadBytes(CliContext context, string path, string purpose, long maxBytes, ICollection<Diagnostic> diagnostics) =>
        IO.InputFiles.ReadBytes(PhysicalFileSystem.Instance, context.CurrentDirectory, path, purpose, maxBytes, diagnostics);

    public static string? ReadText(CliContext context, string path, string purpose, long maxBytes, ICollection<Diagnostic> diagnostics) =>
        IO.InputFiles.ReadText(PhysicalFileSystem.Instance, context.CurrentDirectory, path, purpose, maxBytes, diagnostics);
}
