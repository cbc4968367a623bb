using System.CommandLine;
using Microsoft.Extensions.Configuration;
using PerfGate.Cli.Output;
using PerfGate.IO;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// The options every workspace command shares (<c>--workspace</c>, <c>--baselines</c>, <c>--set key=value</c>) and
/// the settings layering: perfgate.yaml, then <c>PERFGATE_*</c> environment variables, then the command line.
/// </summary>
internal sealed class WorkspaceOptions
{
    public Option<string?> Workspace { get; } = new("--workspace", "-w")
    {
        Description = "Folder holding perfgate.yaml (default: the nearest folder at or above the current one that has it).",
    };

    public Option<string?> Baselines { get; } = new("--baselines")
    {
        Description = "Baselines folder, relative to the workspace root (overrides perfgate.yaml and PERFGATE_BASELINES).",
    };

    public Option<string[]> Set { get; } = new("--set")
    {
        Description = "Override a setting, e.g. --set rounding:significantDigits=4 (keys: " + string.Join(", ", WorkspaceSettingKeys.All.Select(k => k.Key)) + ").",
        AllowMultipleArgumentsPerToken = false,
    };

    public WorkspaceOptions()
    {
        Set.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (value.IndexOf('=', StringComparison.Ordinal) <= 0)
                {
                    result.AddError($"--set '{value}' is not key=value; e.g. --set rounding:significantDigits=4 (keys: {string.Join(", ", WorkspaceSettingKeys.All.Select(k => k.Key))})");
                }
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(Workspace);
        command.Options.Add(Baselines);
        command.Options.Add(Set);
    }

    /// <summary>The workspace root: --workspace, else the nearest folder at or above the current one with perfgate.yaml.</summary>
    public string Root(ParseResult parse, CliContext context) =>
        WorkspaceDiscovery.Find(context.CurrentDirectory, parse.GetValue(Workspace), PhysicalFileSystem.Instance);

    /// <summary>Environment, then command line, layered with Microsoft.Extensions.Configuration.</summary>
    public IReadOnlyDictionary<string, string?> Overrides(ParseResult parse, CliContext context)
    {
        var environment = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, _) in WorkspaceSettingKeys.All)
        {
            if (context.GetEnvironmentVariable(WorkspaceSettingKeys.EnvironmentVariable(key)) is { } value)
            {
                environment[key] = value;
            }
        }

        var commandLine = new List<string>();
        if (parse.GetValue(Baselines) is { } baselines)
        {
            commandLine.Add($"--{WorkspaceSettingKeys.Baselines}={baselines}");
        }

        foreach (var assignment in parse.GetValue(Set) ?? [])
        {
            commandLine.Add("--" + assignment);
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(environment)
            .AddCommandLine(commandLine.ToArray())
            .Build();
        return configuration.AsEnumerable()
            .Where(kv => kv.Value is not null)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>Loads the workspace and prints its diagnostics; the result has the workspace when there was no error.</summary>
    public WorkspaceLoadResult Load(ParseResult parse, CliContext context, bool printInfo = true)
    {
        var root = Root(parse, context);
        var malformed = (parse.GetValue(Set) ?? [])
            .Where(a => a.IndexOf('=', StringComparison.Ordinal) <= 0)
            .Select(a => Diagnostics.Diagnostic.Error(
                Diagnostics.DiagnosticIds.InvalidSetting,
                $"--set '{a}' is not key=value; e.g. --set rounding:significantDigits=4 (keys: {string.Join(", ", WorkspaceSettingKeys.All.Select(k => k.Key))})",
                WorkspaceSettingsReader.OverrideLocation))
            .ToList();
        if (malformed.Count > 0)
        {
            DiagnosticPrinter.Print(context.Error, malformed, root, context.CurrentDirectory);
            return new WorkspaceLoadResult(null, malformed);
        }

        var result = WorkspaceLoader.Load(PhysicalFileSystem.Instance, root, Overrides(parse, context));
        var shown = printInfo ? result.Diagnostics : result.Diagnostics.Where(d => d.Severity != Diagnostics.Severity.Info).ToList();
        DiagnosticPrinter.Print(result.HasErrors ? context.Error : context.Out, shown, root, context.CurrentDirectory);
        return result;
    }
}
