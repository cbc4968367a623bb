namespace PerfGate.Cli;

/// <summary>
/// Everything a command touches outside the engine: the console writers, the environment and the
/// current directory. Tests pass fakes; <see cref="Program"/> passes the real ones.
/// </summary>
public sealed record CliContext(
    TextWriter Out,
    TextWriter Error,
    Func<string, string?> GetEnvironmentVariable,
    string CurrentDirectory,
    bool IsTerminal)
{
    public static CliContext FromProcess() => new(
        Console.Out,
        Console.Error,
        Environment.GetEnvironmentVariable,
        Directory.GetCurrentDirectory(),
        !Console.IsOutputRedirected);

    /// <summary>True under CI (the <c>CI</c> or <c>GITHUB_ACTIONS</c> variables are set).</summary>
    public bool IsCi => IsSet("CI") || IsSet("GITHUB_ACTIONS");

    public bool IsGitHubActions => IsSet("GITHUB_ACTIONS");

    private bool IsSet(string name)
    {
        var v = GetEnvironmentVariable(name);
        return !string.IsNullOrEmpty(v) && !string.Equals(v, "false", StringComparison.OrdinalIgnoreCase) && v != "0";
    }
}
