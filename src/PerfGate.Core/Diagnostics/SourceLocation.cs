namespace PerfGate.Diagnostics;

/// <summary>A place in a file; line and column are 1-based, 0 when unknown.</summary>
public readonly record struct SourceLocation(string File, int Line = 0, int Column = 0)
{
    public static SourceLocation None => new(string.Empty);

    public bool IsKnown => File.Length > 0;

    /// <summary>Where <see cref="File"/> comes from (a workspace file, a built-in document, the command line).</summary>
    public DocumentOrigin Origin => DocumentNames.OriginOf(File);
}
