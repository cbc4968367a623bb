using PerfGate.IO;

namespace PerfGate.Catalog;

public static partial class HuggingFaceConfigReader
{
    /// <summary>A config.json is a few kilobytes; anything past 1 MiB is not one.</summary>
    public const long MaxConfigBytes = 1 << 20;

    /// <summary>
    /// <see cref="Read(string, string, string?, string?)"/> of a file a user named (<c>perfgate import hf</c>), relative to
    /// <paramref name="currentDirectory"/>: a missing, oversized or non-UTF-8 file is a diagnostic at the path.
    /// </summary>
    public static HuggingFaceConfigResult ReadFile(IFileSystem files, string currentDirectory, string path, string? id = null, string? source = null)
    {
        var problems = new List<Diagnostics.Diagnostic>();
        var text = InputFiles.ReadText(files, currentDirectory, path, "a HuggingFace config.json", MaxConfigBytes, problems);
        return text is null ? new HuggingFaceConfigResult(null, problems) : Read(text, path, id, source);
    }
}
