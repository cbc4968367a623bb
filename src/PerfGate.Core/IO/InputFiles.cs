using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Workspace;

namespace PerfGate.IO;

/// <summary>
/// Reads a file a user named (on a command line, in an option): a missing path, a folder, an oversized or unreadable
/// file and text that is not UTF-8 each become a diagnostic at the path as written (never an exception).
/// </summary>
public static class InputFiles
{
    /// <summary>
    /// The bytes, or null with a diagnostic. <paramref name="path"/> is relative to <paramref name="currentDirectory"/>;
    /// <paramref name="purpose"/> completes "pass the path of ...".
    /// </summary>
    public static byte[]? ReadBytes(IFileSystem files, string currentDirectory, string path, string purpose, long maxBytes, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var at = new SourceLocation(path);
        var full = Path.GetFullPath(path, currentDirectory);
        try
        {
            if (files.DirectoryExists(full))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"this is a folder; pass the path of {purpose}", at));
                return null;
            }

            if (!files.FileExists(full))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"file not found; pass the path of {purpose}", at));
                return null;
            }

            var length = files.GetFileLength(full);
            if (length > maxBytes)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, string.Create(CultureInfo.InvariantCulture, $"the file is {length} bytes, more than the {maxBytes} bytes PerfGate reads for {purpose}"), at));
                return null;
            }

            return files.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"cannot read the file: {ex.Message}; pass the path of a readable file with {purpose}", at));
            return null;
        }
    }

    /// <summary>The file as strict UTF-8 text (see <see cref="InputText"/>), or null with a diagnostic.</summary>
    public static string? ReadText(IFileSystem files, string currentDirectory, string path, string purpose, long maxBytes, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (ReadBytes(files, currentDirectory, path, purpose, maxBytes, diagnostics) is not { } bytes)
        {
            return null;
        }

        var text = InputText.Decode(bytes, path, out var error);
        if (error is not null)
        {
            diagnostics.Add(error);
        }

        return text;
    }
}
