using System.Text;

namespace PerfGate.IO;

/// <summary>
/// <see cref="IFileSystem"/> on the real disk: the only type in PerfGate.Core that touches System.IO's files and
/// folders (an architecture test holds every other to that). Atomic writes go to a temporary file in the same folder,
/// flushed to disk, then renamed over the target (rename(2) on Unix, MoveFileEx with replace on Windows), so an
/// interrupted write never leaves a truncated file.
/// </summary>
public sealed class PhysicalFileSystem : IFileSystem
{
    /// <summary>Links followed while resolving one path before it is taken as a loop (Linux's ELOOP limit).</summary>
    private const int MaxLinks = 40;

    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static PhysicalFileSystem Instance { get; } = new();

    /// <summary>Test hook: runs after the temporary file is written and before the rename (simulates a crash there).</summary>
    internal Action<string>? BeforeRename { get; init; }

    public bool FileExists(string path) => File.Exists(path);

    public bool DirectoryExists(string path) => Directory.Exists(path);

    public long GetFileLength(string path) => new FileInfo(path).Length;

    public byte[] ReadAllBytes(string path) => File.ReadAllBytes(path);

    public int ReadAllBytes(string path, ref byte[] buffer)
    {
        // As File.ReadAllBytes opens and reads (a shared lock, the length from the open handle), into the caller's buffer.
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
        var length = RandomAccess.GetLength(handle);
        if (length > Array.MaxLength)
        {
            throw new IOException($"'{path}' is larger than the {Array.MaxLength} bytes one read can hold");
        }

        if (buffer.Length < length)
        {
            buffer = new byte[length];
        }

        // Read to the end: a file that grew since its length was read (or a virtual file that reports none) is read whole.
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(Array.MaxLength, Math.Max(4096L, 2L * buffer.Length)));
                if (total == buffer.Length)
                {
                    throw new IOException($"'{path}' is larger than the {Array.MaxLength} bytes one read can hold");
                }
            }

            var read = RandomAccess.Read(handle, buffer.AsSpan(total), total);
            if (read == 0)
            {
                return total;
            }

            total += read;
            if (total == length && length > 0)
            {
                return total;
            }
        }
    }

    public IEnumerable<string> EnumerateFiles(string directory) =>
        Directory.EnumerateFiles(directory, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.Hidden | FileAttributes.System });

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

    public void AppendAllText(string path, string text) => File.AppendAllText(path, text, Utf8NoBom);

    public IReadOnlyList<string> DeleteInterruptedWrites(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return [];
        }

        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(folder, ".*.tmp").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(file);
            if (IsTemporaryName(name))
            {
                File.Delete(file);
                removed.Add(name);
            }
        }

        return removed;
    }

    public IDisposable? TryLock(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        try
        {
            // FileShare.None is an exclusive advisory lock (flock) on Unix and a share-mode lock on Windows; both end with the process.
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>The temporary name <see cref="WriteAllTextAtomic"/> uses: <c>.&lt;file&gt;.&lt;32 hex digits&gt;.tmp</c>.</summary>
    public static bool IsTemporaryName(string name)
    {
        const int Guid = 32;
        if (name.Length < 1 + 1 + 1 + Guid + 4 || name[0] != '.' || !name.EndsWith(".tmp", StringComparison.Ordinal))
        {
            return false;
        }

        var guid = name.AsSpan(name.Length - 4 - Guid, Guid);
        return name[name.Length - 4 - Guid - 1] == '.' && guid.IndexOfAnyExcept("0123456789abcdef") < 0;
    }

    public void Delete(string path)
    {
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    public string ResolveLinksIn(string resolvedFolder, string name)
    {
        // The folder has no links left in it: only the entry itself can be one.
        var path = Path.Combine(resolvedFolder, name);
        return new FileInfo(path).LinkTarget is null ? path : ResolveLinks(path);
    }

    public string ResolveLinks(string path)
    {
        var full = Path.GetFullPath(path);
        var root = Path.GetPathRoot(full) ?? string.Empty;
        var pending = new Stack<string>(full[root.Length..].Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Reverse());
        var current = root;
        var links = 0;
        while (pending.Count > 0)
        {
            var next = Path.Combine(current, pending.Pop());
            FileSystemInfo info = Directory.Exists(next) ? new DirectoryInfo(next) : new FileInfo(next);
            if (info.LinkTarget is not { } target)
            {
                if (!info.Exists)
                {
                    // Nothing below a missing entry can be a link: keep the rest as written.
                    return pending.Aggregate(next, Path.Combine);
                }

                current = next;
                continue;
            }

            if (++links > MaxLinks)
            {
                throw new IOException($"too many levels of symbolic links resolving '{path}'");
            }

            // Restart from the link's target (absolute, or relative to the link's folder); its own links are resolved in turn.
            var resolved = Path.GetFullPath(target, current);
            var resolvedRoot = Path.GetPathRoot(resolved) ?? string.Empty;
            foreach (var part in resolved[resolvedRoot.Length..].Split(['/', '\\'], StringSplitOptions.RemoveEmptyEntries).Reverse())
            {
                pending.Push(part);
            }

            current = resolvedRoot;
        }

        return current;
    }
}
