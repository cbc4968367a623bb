using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfGate.MSBuild;

/// <summary>
/// Parses MSBuild's canonical diagnostic format as the perfgate CLI writes it:
/// <c>origin: error|warning CODE: message</c>, where origin is a file with an optional
/// <c>(line)</c>, <c>(line,col)</c> or <c>(line,col,endLine,endCol)</c>, or a tool name such as <c>perfgate</c>.
/// Lines in any other shape (the console table, progress text) are not diagnostics.
/// </summary>
internal static partial class CanonicalDiagnosticParser
{
    /// <summary>The origin the CLI uses when a diagnostic has no file.</summary>
    public const string ToolOrigin = "perfgate";

    public static CanonicalDiagnostic? TryParse(string line)
    {
        var match = CanonicalLine().Match(line);
        if (!match.Success)
        {
            return null;
        }

        var origin = match.Groups["origin"].Value.Trim();
        var file = string.Equals(origin, ToolOrigin, StringComparison.Ordinal) ? string.Empty : origin;
        var numbers = match.Groups["pos"].Success
            ? match.Groups["pos"].Value.Split(',').Select(n => int.Parse(n, NumberStyles.None, CultureInfo.InvariantCulture)).ToArray()
            : [];

        return new CanonicalDiagnostic(
            file,
            numbers.Length > 0 ? numbers[0] : 0,
            numbers.Length > 1 ? numbers[1] : 0,
            numbers.Length > 2 ? numbers[2] : 0,
            numbers.Length > 3 ? numbers[3] : 0,
            string.Equals(match.Groups["severity"].Value, "error", StringComparison.OrdinalIgnoreCase),
            match.Groups["code"].Value,
            match.Groups["message"].Value.Trim());
    }

    // origin: anything up to the last "(digits[,digits]{0,3})" before ": severity CODE:", or a bare origin.
    // The origin is lazy so "C:\work\perfgate.yaml(3,5): error" keeps its drive letter.
    [GeneratedRegex(
        @"^\s*(?<origin>.+?)(?:\((?<pos>\d+(?:,\d+){0,3})\))?\s*:\s*(?<severity>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s?(?<message>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex CanonicalLine();
}
