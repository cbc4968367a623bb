namespace PerfGate.MSBuild;

/// <summary>
/// The CI test the CLI uses (<c>CliContext.IsCi</c>): CI or GITHUB_ACTIONS set to anything but empty,
/// "false" or "0". The task repeats it so that <c>PerfGateApprove=true</c> is refused before any tool runs;
/// a unit test keeps the two in agreement.
/// </summary>
internal static class CiEnvironment
{
    public static readonly string[] Variables = ["CI", "GITHUB_ACTIONS"];

    public static string? DetectedBy(Func<string, string?> getEnvironmentVariable)
    {
        foreach (var name in Variables)
        {
            var value = getEnvironmentVariable(name);
            if (!string.IsNullOrEmpty(value)
                && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase)
                && value != "0")
            {
                return name;
            }
        }

        return null;
    }
}
