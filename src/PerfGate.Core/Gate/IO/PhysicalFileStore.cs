using System.Text;

namespace PerfGate.Gate.IO;

/// <summary>
/// <see cref="IFileStore"/> on the real file system. Atomic writes go to a temporary file in the same
/// folder, flushed to disk, then renamed over the target (rename(2) on Unix, MoveFileEx with
/// replace on Windows), so an interrupted write never leaves a truncated baseline.
/// </summary>
public sealed class PhysicalFileStore : IFileStore
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Test hook: runs after the temporary file is written and before the rename (simulates a crash there).</summary>
    internal Action<string>? BeforeRename { get; init; }

    public string? ReadAllText(string path) => File.Exists(path) ? File.ReadAllText(path, Utf8NoBom) : null;

    public IReadOnlyList<string> ListFiles(string folder, string suffix)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        return Directory.EnumerateFiles(folder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(n => n.EndsWith(suffix, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public void WriteAllTextAtomic(string path, string text)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                var bytes = Utf8NoBom.GetBytes(text);
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            BeforeRename?.Invoke(temp);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }

    public void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }
}
