namespace PerfGate.Diagnostics;

/// <summary>
/// Where the file of a <see cref="SourceLocation"/> comes from. Front ends and the evaluator decide on this
/// (show the path relative to the current folder, or report against the command / the scenario) rather than test
/// spellings of file names; <see cref="DocumentNames"/> is the one place that writes and reads those spellings.
/// </summary>
public enum DocumentOrigin
{
    /// <summary>No file (<see cref="SourceLocation.None"/>).</summary>
    None,

    /// <summary>A file of the workspace (or one the user named): a path the user can open.</summary>
    Workspace,

    /// <summary>A catalog document embedded in PerfGate.Core: nothing the user can open or edit.</summary>
    BuiltIn,

    /// <summary>The command line or the environment (a <c>--set</c> override), not a file.</summary>
    CommandLine,
}
