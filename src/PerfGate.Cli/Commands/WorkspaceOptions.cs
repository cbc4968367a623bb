using System.CommandLine;
using PerfGate.Cli.Output;
using PerfGate.IO;
using PerfGate.Run;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// The options every workspace command shares (<c>--workspace</c>, <c>--baselines</c>, <c>--set key=value</c>) and
/// the settings layering (Core's <see cref="WorkspaceOverrides"/>): perfgate.yaml, then <c>PERFGATE_*</c> environment
/// variables, then the command line.
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
            foreach (var problem in (result.GetValueOrDefault<string[]>() ?? []).Select(WorkspaceOverrides.Problem).OfType<string>())
            {
                result.AddError(problem);
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

    /// <summary>Environment, then command line.</summary>
    public IReadOnlyDictionary<string, string?> Overrides(ParseResult parse, CliContext context) =>
        WorkspaceOverrides.Layer(context.GetEnvironmentVariable, parse.GetValue(Baselines), parse.GetValue(Set) ?? []);

    /// <summary>The run request: the root and the overrides; accepted differences expire against today's UTC date.</summary>
    public WorkspaceRunRequest Request(ParseResult parse, CliContext context) =>
        new(Root(parse, context)) { Overrides = Overrides(parse, context), Today = DateOnly.FromDateTime(DateTime.UtcNow) };

    /// <summary>Loads the workspace and prints its diagnostics; the result has the workspace when there was no error.</summary>
    public WorkspaceLoadResult Load(ParseResult parse, CliContext context, bool printInfo = true)
    {
        var root = Root(parse, context);
        var malformed = WorkspaceOverrides.Malformed(parse.GetValue(Set) ?? []);
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
