using System.Globalization;

namespace PerfGate.Diagnostics;

/// <summary>
/// A finding about the user's input or results: a stable id (<c>PGnnnn</c>, see <see cref="DiagnosticIds"/>),
/// a severity, a message that says what is wrong and what would be right, and where.
/// </summary>
public sealed record Diagnostic(string Id, Severity Severity, string Message, SourceLocation Location)
{
    public static Diagnostic Error(string id, string message, SourceLocation location) => new(id, Severity.Error, message, location);

    public static Diagnostic Warning(string id, string message, SourceLocation location) => new(id, Severity.Warning, message, location);

    public static Diagnostic Info(string id, string message, SourceLocation location) => new(id, Severity.Info, message, location);

    /// <summary>
    /// MSBuild's canonical error format, read by IDEs and GitHub problem matchers:
    /// <c>path(line,col): error PG1001: message</c>.
    /// </summary>
    public string ToCanonicalString()
    {
        var severity = Severity.ToId();
        var origin = !Location.IsKnown
            ? "perfgate"
            : Location.Line > 0
                ? string.Create(CultureInfo.InvariantCulture, $"{Location.File}({Location.Line},{Math.Max(1, Location.Column)})")
                : Location.File;
        return $"{origin}: {severity} {Id}: {Message}";
    }

    public override string ToString() => ToCanonicalString();
}
