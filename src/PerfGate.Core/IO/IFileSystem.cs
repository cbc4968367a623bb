namespace PerfGate.IO;

/// <summary>
/// The one file-system port of the engine: everything Core reads or writes goes through it, so that the engine runs
/// against the real disk (<see cref="PhysicalFileSystem"/>) or, in tests, against files held in memory. Paths are
/// absolute; implementations accept '/' as the separator. Text written is UTF-8 without a byte-order mark.
/// </summary>
public interface IFileSystem
{
    bool FileExists(string path);

    bool DirectoryExists(string path);

    long GetFileLength(string path);

    byte[] ReadAllBytes(string path);

    /// <summary>
    /// <see cref="ReadAllBytes(string)"/> into <paramref name="buffer"/>, which is replaced by a larger one when the file
    /// does not fit, so that a caller reading many files (every baseline of a check) allocates once, not once per file.
    /// Returns the file's length: its bytes are <c>buffer[..length]</c>.
    /// </summary>
    int ReadAllBytes(string path, ref byte[] buffer)
    {
        var bytes = ReadAllBytes(path);
        if (buffer.Length < bytes.Length)
        {
            buffer = new byte[bytes.Length];
        }

        bytes.CopyTo(buffer, 0);
        return bytes.Length;
    }

    /// <summary>Every file under <paramref name="directory"/>, recursively, as absolute paths.</summary>
    IEnumerable<string> EnumerateFiles(string directory);

    /// <summary>Names (not paths) of the files directly in <paramref name="folder"/> whose name ends with <paramref name="suffix"/>, sorted ordinal; empty when the folder does not exist.</summary>
    IReadOnlyList<string> ListFiles(string folder, string suffix);

    /// <summary>
    /// Replaces the file's content atomically (missing folders are created): a reader sees the old content or the new,
    /// never a part. On failure the old file is untouched and no temporary file is left behind.
    /// </summary>
    void WriteAllTextAtomic(string path, string text);

    /// <summary>Appends UTF-8 text to the file, creating it when missing (the GitHub job summary; not atomic).</summary>
    void AppendAllText(string path, string text);

    /// <summary>Deletes the file; does nothing when it does not exist.</summary>
    void Delete(string path);

    /// <summary>
    /// Deletes the temporary files that an interrupted <see cref="WriteAllTextAtomic"/> (a killed process) left directly in
    /// <paramref name="folder"/>, and returns their names; empty when there are none or the folder does not exist.
    /// </summary>
    IReadOnlyList<string> DeleteInterruptedWrites(string folder);

    /// <summary>
    /// Takes an exclusive lock on <paramref name="path"/> (the file and its folder are created when missing), held until the
    /// result is disposed (the file is then deleted); null when another process (or another holder in this one) has it.
    /// The lock dies with its process, so a file left by a killed run does not block the next one.
    /// </summary>
    IDisposable? TryLock(string path);

    /// <summary>
    /// <paramref name="path"/> with every symbolic link in it replaced by its target, as the operating system would
    /// follow it; the part of the path that does not exist yet is kept as written. The workspace-confinement check
    /// compares resolved paths, so a link inside the workspace that points outside it is seen as outside.
    /// </summary>
    string ResolveLinks(string path);

    /// <summary>
    /// <c>ResolveLinks(Path.Combine(resolvedFolder, name))</c> for a <paramref name="name"/> of one path segment in a
    /// folder <see cref="ResolveLinks"/> already returned: a file system that can look at that one entry alone overrides
    /// it, so that the files of one folder cost a look each, not one per folder on their path.
    /// </summary>
    string ResolveLinksIn(string resolvedFolder, string name) => ResolveLinks(Path.Combine(resolvedFolder, name));
}
