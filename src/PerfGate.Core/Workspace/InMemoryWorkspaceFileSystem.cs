using System.Text;

namespace PerfGate.Workspace;

/// <summary>A file system held in a dictionary, for tests: <c>new InMemoryWorkspaceFileSystem { ["/ws/perfgate.yaml"] = "..." }</c>.</summary>
public sealed class InMemoryWorkspaceFileSystem : IWorkspaceFileSystem
{
    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);

    public string this[string path]
    {
        get => Encoding.UTF8.GetString(files[Normalize(path)]);
        set => files[Normalize(path)] = Encoding.UTF8.GetBytes(value);
    }

    public void Add(string path, byte[] content) => files[Normalize(path)] = content;

    public bool FileExists(string path) => files.ContainsKey(Normalize(path));

    public bool DirectoryExists(string path)
    {
        var prefix = Normalize(path).TrimEnd('/') + "/";
        return files.Keys.Any(k => k.StartsWith(prefix, StringComparison.Ordinal));
    }

    public long GetFileLength(string path) => files[Normalize(path)].LongLength;

    public byte[] ReadAllBytes(string path) =>
        files.TryGetValue(Normalize(path), out var bytes) ? bytes : throw new FileNotFoundException("no such file", path);

    public IEnumerable<string> EnumerateFiles(string directory)
    {
        var prefix = Normalize(directory).TrimEnd('/') + "/";
        return files.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).ToList();
    }

    private static string Normalize(string path) => path.Replace('\\', '/');
}
