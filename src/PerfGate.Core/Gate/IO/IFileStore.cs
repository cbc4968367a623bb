namespace PerfGate.Gate.IO;

/// <summary>
/// The only file access the gate needs, so the engine stays pure and tests use <c>InMemoryFileStore</c>.
/// Paths are whatever the caller passes (the CLI passes absolute paths). Text is UTF-8 without BOM.
/// </summary>
public interface IFileStore
{
    /// <summary>The file's text, or null when it does not exist.</summary>
    string? ReadAllText(string path);

    /// <summary>Names (not paths) of the files directly in <paramref name="folder"/> whose name ends with <paramref name="suffix"/>, sorted ordinal; empty when the folder does not exist.</summary>
    IReadOnlyList<string> ListFiles(string folder, string suffix);

    /// <summary>
    /// Replaces the file's content atomically: a reader sees the old content or the new, never a part.
    /// On failure the old file is untouched and no temporary file is left behind.
    /// </summary>
    void WriteAllTextAtomic(string path, string text);

    /// <summary>Deletes the file; does nothing when it does not exist.</summary>
    void Delete(string path);
}
