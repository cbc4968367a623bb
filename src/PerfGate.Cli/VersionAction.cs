using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace PerfGate.Cli;

/// <summary>
/// <c>perfgate --version</c>: the version of PerfGate itself (the CLI assembly's informational version),
/// not that of whatever process hosts it (the default action reads the entry assembly).
/// </summary>
internal sealed class VersionAction(CliContext context) : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(VersionAction).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    public override int Invoke(ParseResult parseResult)
    {
        context.Out.WriteLine(Version);
        return ExitCodes.Success;
    }
}
