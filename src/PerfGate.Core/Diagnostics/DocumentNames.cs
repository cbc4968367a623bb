namespace PerfGate.Diagnostics;

/// <summary>
/// The textual form of a document's <see cref="DocumentOrigin"/>, written and read only here: a built-in catalog
/// document is <c>builtin:hardware.h100-sxm.yaml</c> (the text baselines and messages have always shown), the command
/// line is <c>perfgate</c>, anything else is a workspace path.
/// </summary>
public static class DocumentNames
{
    /// <summary>The file name of settings given on the command line or in the environment.</summary>
    public const string CommandLine = "perfgate";

    private const string BuiltInPrefix = "builtin:";

    /// <summary>The file name of a built-in catalog document, from its name inside the built-in catalog.</summary>
    public static string BuiltIn(string name) => BuiltInPrefix + name;

    public static DocumentOrigin OriginOf(string file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return file.Length == 0 ? DocumentOrigin.None
            : file == CommandLine ? DocumentOrigin.CommandLine
            : file.StartsWith(BuiltInPrefix, StringComparison.Ordinal) ? DocumentOrigin.BuiltIn
            : DocumentOrigin.Workspace;
    }
}
