using System.Globalization;
using System.Text;
using PerfGate.Diagnostics;
using PerfGate.IO;

namespace PerfGate.Gate;

/// <summary>
/// Verify's convention on one folder: <c>&lt;name&gt;.verified.&lt;ext&gt;</c> is committed, a differing
/// recomputation is written next to it as <c>&lt;name&gt;.received.&lt;ext&gt;</c> (git-ignored), a received file
/// is deleted once it equals the verified one, and promotion writes the verified file atomically
/// before it removes the received one. Used by the gate for scenario snapshots and by the tests for
/// their own report snapshots.
/// </summary>
public sealed class BaselineStore(IFileSystem files, string folder, string extension = SnapshotFormat.Extension)
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string Folder => folder;

    public string VerifiedSuffix => $".verified.{extension}";

    public string ReceivedSuffix => $".received.{extension}";

    public string VerifiedPath(string name) => Path.Combine(folder, RequireName(name) + VerifiedSuffix);

    public string ReceivedPath(string name) => Path.Combine(folder, RequireName(name) + ReceivedSuffix);

    /// <summary>The lock file a writing run holds (<see cref="TryLock"/>).</summary>
    public string LockPath => Path.Combine(folder, LockFileName);

    /// <summary>The lock file's name in the baselines folder (git-ignored).</summary>
    public const string LockFileName = ".perfgate.lock";

    public string? ReadVerified(string name) => ReadText(VerifiedPath(name));

    /// <summary>
    /// The verified text (null when there is none), or a PG1004 error: at the first byte that is not UTF-8 (its line and
    /// column), or at the path when it is a folder rather than a file.
    /// </summary>
    public (string? Text, Diagnostic? Error) ReadVerifiedChecked(string name)
    {
        var (text, error, _) = ReadVerifiedComparing(name, null);
        return (text, error);
    }

    /// <summary>
    /// <see cref="ReadVerifiedChecked"/>, but when the file holds exactly <paramref name="expected"/>'s text
    /// (<see cref="SnapshotWriter.Matches"/>, after an optional BOM) it says so (<c>Same</c>) without decoding the file
    /// into a second copy of the text or writing the snapshot's text as a string (<c>Text</c> is null then). A baseline
    /// that did not move is most of every check.
    /// </summary>
    public (string? Text, Diagnostic? Error, bool Same) ReadVerifiedComparing(string name, Snapshot? expected)
    {
        // A file is what every check finds: one look for it; a folder in its place is looked for only when no file is there.
        var path = VerifiedPath(name);
        if (!files.FileExists(path))
        {
            return files.DirectoryExists(path)
                ? (null, Diagnostic.Error(
                    DiagnosticIds.CorruptBaseline,
                    $"corrupt baseline: '{name}{VerifiedSuffix}' is a folder, not a file; a baseline is one text file. Remove or rename the folder, then run 'perfgate approve {name}'",
                    new SourceLocation(path, 1, 1)), false)
                : (null, null, false);
        }

        // The file is read into this thread's buffer: a check reads every baseline once and keeps none of their bytes.
        var buffer = _buffer ?? new byte[BufferBytes];
        var length = files.ReadAllBytes(path, ref buffer);
        _buffer = buffer.Length <= MaxKeptBufferBytes ? buffer : null;
        var bytes = buffer.AsSpan(0, length);
        var start = bytes.StartsWith(Utf8.Preamble) ? Utf8.Preamble.Length : 0;
        if (expected is not null && SnapshotWriter.Matches(expected, bytes[start..]))
        {
            return (null, null, true);
        }

        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(length);
        try
        {
            var status = System.Text.Unicode.Utf8.ToUtf16(bytes[start..], chars, out var read, out var written, replaceInvalidSequences: false);
            if (status == System.Buffers.OperationStatus.Done)
            {
                return (new string(chars, 0, written), null, false);
            }

            return (null, NotUtf8(name, path, bytes, start + read), false);
        }
        finally
        {
            System.Buffers.ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>A baseline is a few KiB; the buffer starts at 16 KiB and grows to the largest file read.</summary>
    private const int BufferBytes = 16 << 10;

    /// <summary>A thread keeps its buffer up to 1 MiB: a larger baseline's bytes are not held for the rest of the run.</summary>
    private const int MaxKeptBufferBytes = 1 << 20;

    [ThreadStatic]
    private static byte[]? _buffer;

    /// <summary>PG1004 at the first byte that is not UTF-8 (its line and column).</summary>
    private static Diagnostic NotUtf8(string name, string path, ReadOnlySpan<byte> bytes, int offset)
    {
        var valid = bytes[..offset];
        var line = valid.Count((byte)'\n') + 1;
        var column = offset - (valid.LastIndexOf((byte)'\n') + 1) + 1;
        return Diagnostic.Error(
            DiagnosticIds.CorruptBaseline,
            string.Create(CultureInfo.InvariantCulture, $"corrupt baseline: byte {offset} (0x{bytes[offset]:X2}) is not valid UTF-8; baselines are UTF-8 text. Restore the file from version control or regenerate it with 'perfgate approve {name}' and review the diff"),
            new SourceLocation(path, line, column));
    }

    /// <summary>Removes temporary files of an interrupted write (a killed approve or check); returns their names.</summary>
    public IReadOnlyList<string> DeleteInterruptedWrites() => files.DeleteInterruptedWrites(folder);

    /// <summary>The baselines folder's lock for a run that writes in it; null when another run holds it.</summary>
    public IDisposable? TryLock() => files.TryLock(LockPath);

    public string? ReadReceived(string name) => ReadText(ReceivedPath(name));

    /// <summary>Names of every verified file, sorted ordinal.</summary>
    public IReadOnlyList<string> ListVerified() => Names(VerifiedSuffix);

    /// <summary>Names of every received file, sorted ordinal.</summary>
    public IReadOnlyList<string> ListReceived() => Names(ReceivedSuffix);

    public void WriteReceived(string name, string text) => files.WriteAllTextAtomic(ReceivedPath(name), text);

    public void DeleteReceived(string name) => files.Delete(ReceivedPath(name));

    /// <summary>Makes <paramref name="text"/> the verified content: atomic write first, then the received file goes.</summary>
    public void Promote(string name, string text)
    {
        files.WriteAllTextAtomic(VerifiedPath(name), text);
        files.Delete(ReceivedPath(name));
    }

    /// <summary>Removes a baseline and its received file (the scenario is gone).</summary>
    public void Remove(string name)
    {
        files.Delete(VerifiedPath(name));
        files.Delete(ReceivedPath(name));
    }

    /// <summary>
    /// The Verify step: equal to the verified text -> received deleted, true; otherwise the received file
    /// is written and false is returned.
    /// </summary>
    public bool Verify(string name, string text)
    {
        if (ReadVerified(name) == text)
        {
            DeleteReceived(name);
            return true;
        }

        WriteReceived(name, text);
        return false;
    }

    /// <summary>A name usable as a file name on every OS: letters, digits, '.', '_', '-'; not starting with '.'.</summary>
    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= 200
        && name[0] != '.'
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-');

    /// <summary>The file's UTF-8 text (a leading byte-order mark dropped), or null when it does not exist.</summary>
    private string? ReadText(string path)
    {
        if (!files.FileExists(path))
        {
            return null;
        }

        var text = Utf8.GetString(files.ReadAllBytes(path));
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private IReadOnlyList<string> Names(string suffix) =>
        files.ListFiles(folder, suffix).Select(f => f[..^suffix.Length]).Where(IsValidName).ToArray();

    private static string RequireName(string name) => IsValidName(name)
        ? name
        : throw new ArgumentException($"'{name}' cannot name a baseline file: use letters, digits, '.', '_' and '-', not starting with '.'.", nameof(name));
}
