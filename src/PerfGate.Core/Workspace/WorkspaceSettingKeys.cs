namespace PerfGate.Workspace;

/// <summary>
/// Settings of perfgate.yaml that the environment and the command line may override, as
/// Microsoft.Extensions.Configuration keys (':' separates sections; case-insensitive).
/// Environment: <c>PERFGATE_</c> + the key with ':' written as '__' (e.g. <c>PERFGATE_ROUNDING__SIGNIFICANTDIGITS</c>).
/// Command line: <c>--set key=value</c> (and <c>--baselines DIR</c>).
/// </summary>
public static class WorkspaceSettingKeys
{
    public const string EnvironmentPrefix = "PERFGATE_";

    public const string Baselines = "baselines";
    public const string SignificantDigits = "rounding:significantDigits";
    public const string ReportsDirectory = "reports:directory";
    public const string ReportFormats = "reports:formats";

    /// <summary>The formats perfgate.yaml may name: every registered format that can be written to a file.</summary>
    public static IReadOnlyList<string> ReportFormatNames { get; } = [.. Reports.ReportFormats.Files.Select(f => f.Name)];

    /// <summary>Every overridable key with what it does (for help texts and the README).</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> All { get; } =
    [
        new(Baselines, "baselines folder, relative to the workspace root (default 'baselines')"),
        new(SignificantDigits, "significant digits kept in snapshots, 1 to 17 (default 6)"),
        new(ReportsDirectory, "folder for report files, relative to the workspace root"),
        new(ReportFormats, "report formats written besides the console, comma-separated: " + string.Join(", ", ReportFormatNames)),
    ];

    /// <summary>The environment variable for a key: <c>rounding:significantDigits</c> is <c>PERFGATE_ROUNDING__SIGNIFICANTDIGITS</c>.</summary>
    public static string EnvironmentVariable(string key) =>
        EnvironmentPrefix + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
}
