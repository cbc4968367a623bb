using PerfGate.Cli;

namespace PerfGate.Tests;

/// <summary>Runs the CLI in-process with captured output and a fake environment.</summary>
internal static class AppHarness
{
    public static (int ExitCode, string Out, string Error) Run(string currentDirectory, IReadOnlyDictionary<string, string>? env, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var context = new CliContext(stdout, stderr, name => env is not null && env.TryGetValue(name, out var v) ? v : null, currentDirectory, IsTerminal: false);
        var code = PerfGateApp.Run(args, context);
        return (code, stdout.ToString(), stderr.ToString());
    }

    public static (int ExitCode, string Out, string Error) Run(params string[] args) => Run(Directory.GetCurrentDirectory(), null, args);

    /// <summary>Runs in <paramref name="currentDirectory"/> with an empty environment.</summary>
    public static (int ExitCode, string Out, string Error) RunIn(string currentDirectory, params string[] args) =>
        Run(currentDirectory, (IReadOnlyDictionary<string, string>?)null, args);
}
