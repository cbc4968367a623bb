namespace PerfGate.Tests.Architecture;

/// <summary>Code the file-system check must flag (a lambda, a path-opening reader) and must not (a reader over a stream).</summary>
internal static class DiskTouchingSample
{
    public static Func<string, bool> Exists { get; } = path => File.Exists(path);

    public static string Open(string path)
    {
        using var reader = new StreamReader(path);
        return reader.ReadToEnd();
    }

    public static string Wrap(Stream stream)
    {
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
