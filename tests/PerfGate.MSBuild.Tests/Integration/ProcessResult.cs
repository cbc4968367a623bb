using System.Text.RegularExpressions;

namespace PerfGate.MSBuild.Tests.Integration;

/// <summary>What a command returned; <see cref="ToString"/> is the whole transcript for assertion messages.</summary>
internal sealed partial record ProcessResult(int ExitCode, string Output, string Command)
{
    public IEnumerable<string> Lines => Output.Split('\n');

    /// <summary>
    /// The distinct diagnostic lines with code <paramref name="code"/> (a prefix such as <c>PG1001</c> or <c>PG2</c>),
    /// without the console logger's indentation and node prefix (<c>1&gt;</c>): MSBuild prints each diagnostic where it
    /// happens and again in the summary.
    /// </summary>
    public IReadOnlyList<string> Diagnostics(string severity, string code) =>
        Lines.Select(l => NodePrefix().Replace(l, string.Empty).Trim())
            .Where(l => l.Contains($": {severity} {code}", StringComparison.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    public override string ToString() => $"{Command} -> exit {ExitCode}\n{Output}";

    [GeneratedRegex(@"^\s*\d+>")]
    private static partial Regex NodePrefix();
}
