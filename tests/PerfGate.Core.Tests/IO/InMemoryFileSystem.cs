using System.Text;
using PerfGate.IO;

namespace PerfGate.Tests.IO;

/// <summary>
/// An <see cref="IFileSystem"/> held in a dictionary, for tests: <c>new InMemoryFileSystem { ["/ws/perfgate.yaml"] = "..." }</c>.
/// Failure injection: <see cref="FailOnWrite"/> makes the n-th atomic write (1-based, counted from construction) throw
/// before anything changes, as a rename that fails would. <see cref="AddLink"/> makes a path a symbolic link.
/// Every read is counted in <see cref="Reads"/>, so a test can hold the engine to reading each input once.
/// </summary>
internal sealed class InMemoryFileSystem : IFileSystem
{
    private readonly SortedDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _links = new(StringComparer.Ordinal);
    private int _writes;

    public int? FailOnWrite { get; set; }

    /// <summary>Every file's content as text, by path.</summary>
    public IReadOnlyDictionary<string, string> Files =>
        new SortedDictionary<string, string>(_files.ToDictionary(kv => kv.Key, kv => Encoding.UTF8.GetString(kv.Value), StringComparer.Ordinal), StringComparer.Ordinal);

    /// <summary>Writes, failed writes, appends and deletes, in order ("write /p", "fail /p", "append /p", "delete /p").</summary>
    public List<string> Log { get; } = [];

    /// <summary>Paths passed to <see cref="ReadAllBytes"/>, in the order the reads happened (reads run on several threads).</summary>
    public List<string> Reads { get; } = [];

    public string this[string path]
    {
        get => Encoding.UTF8.GetString(_files[Normalize(path)]);
        set => _files[Normalize(path)] = Encoding.UTF8.GetBytes(value);
    }

    public void Add(string path, byte[] content) => _files[Normalize(path)] = content;

    public void Put(string path, string text) => this[path] = text;

    /// <summary>Makes <paramref name="path"/> (a file or a folder) a symbolic link to the absolute <paramref name="target"/>.</summary>
    public void AddLink(string path, string target) => _links[Normalize(path).TrimEnd('/')] = Normalize(target).TrimEnd('/');

    public bool FileExists(string path) => _files.ContainsKey(Follow(path));

    public bool DirectoryExists(string path)
    {
        var prefix = Follow(path).TrimEnd('/') + "/";
        return _files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    public long GetFileLength(string path) => _files[Follow(path)].LongLength;

    public byte[] ReadAllBytes(string path)
    {
        lock (Reads)
        {
            Reads.Add(Normalize(path)); // scenarios are evaluated and baselines read on several threads
        }

        return _files.TryGetValue(Follow(path), out var bytes) ? bytes : throw new FileNotFoundException("no such file", path);
    }

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        var prefix = Normalize(directory).TrimEnd('/') + "/";
        var target = Follow(directory).TrimEnd('/') + "/";
        return _files.Keys.Where(k => k.StartsWith(target, StringComparison.Ordinal)).Select(k => prefix + k[target.Length..]).ToList();
    }

    public IReadOnlyList<string> ListFiles(string folder, string suffix)
    {
        var prefix = Follow(folder).TrimEnd('/') + "/";
        return _files.Keys
            .Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && !k[prefix.Length..].Contains('/') && k.EndsWith(suffix, StringComparison.Ordinal))
            .Select(k => k[prefix.Length..])
            .ToArray();
    }

    public void WriteAllTextAtomic(string path, string text)
    {
        _writes++;
        if (_writes == FailOnWrite)
        {
            Log.Add("fail " + Normalize(path));
            throw new IOException($"Access to the path '{Normalize(path)}' is denied.");
        }

        Log.Add("write " + Normalize(path));
        _files[Follow(path)] = Encoding.UTF8.GetBytes(text);
    }

    public void AppendAllText(string path, string text)
    {
        Log.Add("append " + Normalize(path));
        _files[Follow(path)] = [.. _files.GetValueOrDefault(Follow(path)) ?? [], .. Encoding.UTF8.GetBytes(text)];
    }

    public void Delete(string path)
    {
        if (_files.Remove(Follow(path)))
        {
            Log.Add("delete " + Normalize(path));
        }
    }

    public string ResolveLinks(string path) => Follow(path);

    /// <summary>In memory a write cannot be interrupted: the tests put "left-over" files in themselves, and this removes them like the disk does.</summary>
    public IReadOnlyList<string> DeleteInterruptedWrites(string folder)
    {
        var names = ListFiles(folder, ".tmp").Where(PhysicalFileSystem.IsTemporaryName).ToList();
        foreach (var name in names)
        {
            Delete(Follow(folder).TrimEnd('/') + "/" + name);
        }

        return names;
    }

    /// <summary>Paths locked now (a second TryLock of one is refused until the first is disposed).</summary>
    public HashSet<string> Locks { get; } = new(StringComparer.Ordinal);

    public IDisposable? TryLock(string path)
    {
        var key = Follow(path);
        return Locks.Add(key) ? new Lease(() => Locks.Remove(key)) : null;
    }

    private sealed class Lease(Action release) : IDisposable
    {
        public void Dispose() => release();
    }

    private string Follow(string path)
    {
        var current = Normalize(path);
        for (var hops = 0; hops < 40; hops++)
        {
            var link = _links.Keys.FirstOrDefault(l => current == l || current.StartsWith(l + "/", StringComparison.Ordinal));
            if (link is null)
            {
                return current;
            }

            current = _links[link] + current[link.Length..];
        }

        throw new IOException($"too many levels of symbolic links resolving '{path}'");
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
