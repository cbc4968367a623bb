using PerfGate.Diagnostics;

namespace PerfGate.Cli.Output;

/// <summary>
/// Writes diagnostics in MSBuild's canonical format. Paths in the core are relative to the workspace root;
/// here they are made relative to the current directory so IDEs and problem matchers find the files.
/// </summary>
internal static class DiagnosticPrinter
{
    public static void Print(TextWriter writer, IEnumerable<Diagnostic> diagnostics, string? workspaceRoot, string currentDirectory)
    {
        var prefix = workspaceRoot is null ? string.Empty : Path.GetRelativePath(currentDirectory, workspaceRoot).Replace('\\', '/');
        foreach (var d in diagnostics)
        {
            var shown = d;
            if (d.Location.Origin == DocumentOrigin.BuiltIn)
            {
                // A built-in catalog document is embedded in PerfGate: there is no file to open or edit, and the
                // message names the model or card. Report it against the command instead.
                shown = d with { Location = SourceLocation.None };
            }
            else if (prefix is not "." and not "" && d.Location.Origin == DocumentOrigin.Workspace && !Path.IsPathRooted(d.Location.File))
            {
                shown = d with { Location = d.Location with { File = $"{prefix}/{d.Location.File}" } };
            }

            writer.WriteLine(shown.ToCanonicalString());
        }
    }

    /// <summary>Diagnostics of a command that reads no workspace (their paths are as the user typed them), on the error stream.</summary>
    public static void Print(CliContext context, IEnumerable<Diagnostic> diagnostics) =>
        Print(context.Error, diagnostics, null, context.CurrentDirectory);

    /// <summary>Prints the diagnostics and returns the bad-input exit code.</summary>
    public static int Fail(CliContext context, IEnumerable<Diagnostic> diagnostics)
    {
        Print(context, diagnostics);
        return ExitCodes.BadInput;
    }

    /// <summary>"2 errors, 1 warning" style summary; empty when there is nothing to say.</summary>
    public static string Summary(IReadOnlyCollection<Diagnostic> diagnostics)
    {
        var errors = diagnostics.Count(d => d.Severity == Severity.Error);
        var warnings = diagnostics.Count(d => d.Severity == Severity.Warning);
        return FormattableString.Invariant($"{errors} error{(errors == 1 ? string.Empty : "s")}, {warnings} warning{(warnings == 1 ? string.Empty : "s")}");
    }
}
