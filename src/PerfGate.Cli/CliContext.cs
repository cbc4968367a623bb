using PerfGate.Run;

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

    /// <summary>True under CI (<see cref="CiEnvironment"/>).</summary>
    public bool IsCi => CiEnvironment.DetectedBy(GetEnvironmentVariable) is not null;

    public bool IsGitHubActions => CiEnvironment.IsGitHubActionsRun(GetEnvironmentVariable);
}
