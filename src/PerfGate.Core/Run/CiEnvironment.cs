#if PERFGATE_MSBUILD
namespace PerfGate.MSBuild;
#else
namespace PerfGate.Run;
#endif

/// <summary>
/// The one CI detector: CI or GITHUB_ACTIONS set to anything but empty, "false" or "0". The CLI refuses
/// <c>approve</c> under CI with it and chooses GitHub annotations with <see cref="IsGitHubActionsRun"/>; the MSBuild task,
/// which cannot load Core, compiles this same file (a linked source in PerfGate.MSBuild.csproj), so the two cannot
/// disagree (there it is internal, in PerfGate.MSBuild). Dependency-free on purpose.
/// </summary>
#if PERFGATE_MSBUILD
internal
#else
public
#endif
static class CiEnvironment
{
    public const string GitHubActions = "GITHUB_ACTIONS";

    public static readonly string[] Variables = ["CI", GitHubActions];

    /// <summary>The variable that marks this environment as CI, or null.</summary>
    public static string? DetectedBy(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        foreach (var name in Variables)
        {
            if (IsSet(getEnvironmentVariable(name)))
            {
                return name;
            }
        }

        return null;
    }

    public static bool IsGitHubActionsRun(Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        return IsSet(getEnvironmentVariable(GitHubActions));
    }

    private static bool IsSet(string? value) =>
        !string.IsNullOrEmpty(value) && !string.Equals(value, "false", StringComparison.OrdinalIgnoreCase) && value != "0";
}
