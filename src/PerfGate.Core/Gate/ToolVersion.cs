using System.Reflection;

namespace PerfGate.Gate;

/// <summary>
/// The PerfGate version written into snapshots: the package version without the "+commit" suffix the SDK
/// appends to the informational version, so baselines do not change with every commit.
/// </summary>
public static class ToolVersion
{
    public static string Current { get; } = Read();

    private static string Read()
    {
        var informational = typeof(ToolVersion).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        var version = informational ?? typeof(ToolVersion).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
