using Microsoft.Extensions.Configuration;
using PerfGate.Diagnostics;

namespace PerfGate.Workspace;

/// <summary>
/// The settings a front end layers over perfgate.yaml (<see cref="WorkspaceSettingKeys"/>): the <c>PERFGATE_*</c>
/// environment variables, then the command line (<c>--baselines DIR</c>, then each <c>--set key=value</c>, the last one
/// of a key winning), keys case-insensitive as in Microsoft.Extensions.Configuration.
/// </summary>
public static class WorkspaceOverrides
{
    /// <summary>The layered overrides; <paramref name="assignments"/> that are not key=value (see <see cref="Malformed"/>) are left out.</summary>
    public static IReadOnlyDictionary<string, string?> Layer(Func<string, string?> environment, string? baselines, IEnumerable<string> assignments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var fromEnvironment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in WorkspaceSettingKeys.All)
        {
            if (environment(WorkspaceSettingKeys.EnvironmentVariable(key)) is { } value)
            {
                fromEnvironment[key] = value;
            }
        }

        var commandLine = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (baselines is not null)
        {
            commandLine[WorkspaceSettingKeys.Baselines] = baselines;
        }

        foreach (var assignment in assignments.Where(a => a.IndexOf('=', StringComparison.Ordinal) > 0))
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            commandLine[assignment[..eq]] = assignment[(eq + 1)..];
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(fromEnvironment)
            .AddInMemoryCollection(commandLine)
            .Build();
        return configuration.AsEnumerable()
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Null when <paramref name="assignment"/> is key=value; otherwise what to write instead.</summary>
    public static string? Problem(string assignment)
    {
        ArgumentNullException.ThrowIfNull(assignment);
        return assignment.IndexOf('=', StringComparison.Ordinal) > 0
            ? null
            : $"--set '{assignment}' is not key=value; e.g. --set rounding:significantDigits=4 (keys: {string.Join(", ", WorkspaceSettingKeys.All.Select(k => k.Key))})";
    }

    /// <summary>A PG2014 error at the command line for each assignment that is not key=value.</summary>
    public static IReadOnlyList<Diagnostic> Malformed(IEnumerable<string> assignments) =>
        [.. assignments.Select(Problem).OfType<string>().Select(m => Diagnostic.Error(DiagnosticIds.InvalidSetting, m, WorkspaceSettingsReader.OverrideLocation))];
}
