using System.Globalization;
using System.Text.RegularExpressions;

namespace PerfGate.MSBuild;

/// <summary>
/// Parses MSBuild's canonical diagnostic format as the perfgate CLI writes it:
/// <c>origin: error|warning CODE: message</c>, where origin is a file with an optional
/// <c>(line,col)</c> or <c>(line,col,endLine,endCol)</c>, or a tool name such as <c>perfgate</c>.
/// The line is first split at the <c>: severity CODE:</c> structure; only then is a trailing position
/// taken off the origin. The CLI never writes a line without a column, so a lone <c>(2)</c> at the end of
/// the origin is part of the file name (<c>report(2)</c>, <c>copy (2)</c>), and so is a "position" whose
/// numbers do not fit an int. Lines in any other shape (the console table, progress text) are not diagnostics.
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
        var (file, numbers) = SplitPosition(origin);
        if (string.Equals(file, ToolOrigin, StringComparison.Ordinal))
        {
            file = string.Empty;
        }

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

    /// <summary>The file and its position; the whole origin is the file when its end is not a valid position.</summary>
    private static (string File, int[] Numbers) SplitPosition(string origin)
    {
        var match = Position().Match(origin);
        if (!match.Success)
        {
            return (origin, []);
        }

        var parts = match.Groups["pos"].Value.Split(',');
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] < 1)
            {
                return (origin, []);
            }
        }

        return (match.Groups["file"].Value, numbers);
    }

    // The structure first: origin (lazy, so "C:\work\perfgate.yaml(3,5)" keeps its drive letter and a later
    // ": error X:" inside the message is not taken), then ": severity CODE: message".
    [GeneratedRegex(
        @"^\s*(?<origin>\S.*?)\s*:\s*(?<severity>error|warning)\s+(?<code>[A-Za-z]+\d+)\s*:\s?(?<message>.*)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex CanonicalLine();

    // A trailing (line,col) or (line,col,endLine,endCol) after a non-empty file name with no space before it.
    [GeneratedRegex(
        @"^(?<file>.*\S)\((?<pos>\d+,\d+(?:,\d+,\d+)?)\)$",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture,
        matchTimeoutMilliseconds: 1000)]
    private static partial Regex Position();
}
