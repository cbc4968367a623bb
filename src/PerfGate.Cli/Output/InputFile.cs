using System.Globalization;
using PerfGate.Diagnostics;
using PerfGate.Workspace;

namespace PerfGate.Cli.Output;

/// <summary>
/// Reads a file named on the command line: a missing path, a folder, an oversized or unreadable file and
/// text that is not UTF-8 each become a diagnostic at the path (never an exception).
/// </summary>
internal static class InputFile
{
    /// <summary>The bytes, or null with a diagnostic. <paramref name="purpose"/> completes "pass the path of ...".</summary>
    public static byte[]? ReadBytes(CliContext context, string path, string purpose, long maxBytes, ICollection<Diagnostic> diagnostics)
    {
        var at = new SourceLocation(path);
        var full = Path.GetFullPath(path, context.CurrentDirectory);
        try
        {
            if (Directory.Exists(full))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"this is a folder; pass the path of {purpose}", at));
                return null;
            }

            var info = new FileInfo(full);
            if (!info.Exists)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"file not found; pass the path of {purpose}", at));
                return null;
            }

            if (info.Length > maxBytes)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, string.Create(CultureInfo.InvariantCulture, $"the file is {info.Length} bytes, more than the {maxBytes} bytes PerfGate reads for {purpose}"), at));
                return null;
            }

            return File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"cannot read the file: {ex.Message}; pass the path of a readable file with {purpose}", at));
            return null;
        }
    }

    /// <summary>The file as strict UTF-8 text (see <see cref="InputText"/>), or null with a diagnostic.</summary>
    public static string? ReadText(CliContext context, string path, string purpose, long maxBytes, ICollection<Diagnostic> diagnostics)
    {
        if (ReadBytes(context, path, purpose, maxBytes, diagnostics) is not { } bytes)
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
