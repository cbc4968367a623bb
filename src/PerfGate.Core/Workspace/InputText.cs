using System.Globalization;
using System.Text;
using PerfGate.Diagnostics;

namespace PerfGate.Workspace;

/// <summary>
/// Turns the bytes of an input file into text: strict UTF-8, a leading byte-order mark dropped. Invalid
/// bytes are not replaced silently (that would make a different document than the one on disk); they are a
/// PG2001 error at the line and column of the first one.
/// </summary>
public static class InputText
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The text, or null with <paramref name="error"/> set when the bytes are not UTF-8.</summary>
    public static string? Decode(byte[] bytes, string file, out Diagnostic? error)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        try
        {
            var text = Strict.GetString(bytes);
            error = null;
            return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
        }
        catch (DecoderFallbackException)
        {
            error = InvalidAt(bytes, file);
            return null;
        }
    }

    private static Diagnostic InvalidAt(ReadOnlySpan<byte> bytes, string file)
    {
        var (line, column, offset) = (1, 1, 0);
        while (offset < bytes.Length)
        {
            if (Rune.DecodeFromUtf8(bytes[offset..], out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                break;
            }

            offset += consumed;
            (line, column) = rune.Value == '\n' ? (line + 1, 1) : (line, column + 1);
        }

        var shown = offset < bytes.Length ? string.Create(CultureInfo.InvariantCulture, $"byte 0x{bytes[offset]:X2}") : "the last bytes";
        return Diagnostic.Error(
            DiagnosticIds.YamlSyntax,
            $"the file is not valid UTF-8 text: {shown} here does not start a UTF-8 character; save the file as UTF-8",
            new SourceLocation(file, line, column));
    }
}
