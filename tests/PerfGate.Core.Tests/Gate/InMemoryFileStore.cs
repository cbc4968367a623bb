using PerfGate.Gate.IO;

namespace PerfGate.Tests.Gate;

/// <summary>
/// An <see cref="IFileStore"/> in memory, with failure injection: <see cref="FailOnWrite"/> makes the
/// n-th atomic write (1-based, counted from construction) throw before anything changes, as a rename
/// that fails would.
/// </summary>
internal sealed class InMemoryFileStore : IFileStore
{
    private readonly SortedDictionary<string, string> _files = new(StringComparer.Ordinal);
    private int _writes;

    public int? FailOnWrite { get; set; }

    public IReadOnlyDictionary<string, string> Files => _files;

    public List<string> Log { get; } = [];

    public string? ReadAllText(string path) => _files.GetValueOrDefault(Normalize(path));

    public IReadOnlyList<string> ListFiles(string folder, string suffix)
    {
        var prefix = Normalize(folder).TrimEnd('/') + "/";
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
        _files[Normalize(path)] = text;
    }

    public void Delete(string path)
    {
        if (_files.Remove(Normalize(path)))
        {
            Log.Add("delete " + Normalize(path));
        }
    }

    public void Put(string path, string text) => _files[Normalize(path)] = text;

    private static string Normalize(string path) => path.Replace('\\', '/');
}
