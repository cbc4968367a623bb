using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Memory;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Run;

/// <summary>
/// A memory budget from a front end's arguments (<see cref="MemoryArguments"/>): from a scenario of the workspace
/// (<c>--scenario</c>), a MindIE config.json (<c>--mindie-config</c>) or the options alone, on a card from the catalog.
/// Files are read through the file-system port relative to the current folder, the engine's variables
/// (NPU_MEMORY_FRACTION, HCCL_BUFFSIZE) through the environment function the front end passes.
/// </summary>
public static partial class MemoryRun
{
    public static MemoryAnswer Answer(MemoryArguments arguments, IFileSystem files, string currentDirectory, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var question = new Context(arguments, files, currentDirectory, environment, []);
        if (arguments.Scenario is not null)
        {
            var (fromScenario, scenarioBudget) = FromScenario(question);
            return new MemoryAnswer(fromScenario, scenarioBudget, question.Diagnostics);
        }

        var request = FromOptions(question);
        MemoryBudget? budget = null;
        if (request is not null)
        {
            budget = MemoryBudgetCalculator.Compute(request);
            question.Diagnostics.AddRange(budget.Diagnostics);
        }

        return new MemoryAnswer(request, budget, question.Diagnostics);
    }

    private static (MemoryRequest?, MemoryBudget?) FromScenario(Context q)
    {
        var (a, diagnostics) = (q.Arguments, q.Diagnostics);
        if (a.MindieConfigPath is not null || a.Model is not null || a.ModelConfigPath is not null || a.Hardware is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, "--scenario takes the model, card and MindIE config from the scenario; drop --mindie-config, --model, --model-config and --hardware (or drop --scenario)", SourceLocation.None));
            return (null, null);
        }

        var root = WorkspaceDiscovery.Find(q.CurrentDirectory, a.Workspace, q.Files);
        var loaded = WorkspaceLoader.Load(q.Files, root);
        diagnostics.AddRange(loaded.Diagnostics);
        if (loaded.Workspace is not { } workspace)
        {
            return (null, null);
        }

        var scenario = workspace.Scenarios.FirstOrDefault(s => string.Equals(s.Id, a.Scenario, StringComparison.Ordinal));
        if (scenario is null)
        {
            var known = workspace.Scenarios.Count == 0 ? "none" : string.Join(", ", workspace.Scenarios.Select(s => s.Id));
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"--scenario '{a.Scenario}' is not in the workspace; its scenarios: {known}", SourceLocation.None));
            return (null, null);
        }

        var engine = scenario.Memory?.Engine ?? MemoryEngines.MindIE;
        var overrides = Overrides(q, engine, fromEnvironment: false);
        if (overrides is null)
        {
            return (null, null);
        }

        var result = ScenarioMemoryBudget.Compute(workspace, scenario, overrides);
        diagnostics.AddRange(result.Diagnostics);
        return (result.Request, result.Budget);
    }

    private static MemoryRequest? FromOptions(Context q)
    {
        var (a, diagnostics) = (q.Arguments, q.Diagnostics);
        MindieConfig? config = null;
        if (a.MindieConfigPath is { } configPath)
        {
            var bytes = InputFiles.ReadBytes(q.Files, q.CurrentDirectory, configPath, "MindIE's config.json (--mindie-config)", MemoryOverrideValues.MaxInputBytes, diagnostics);
            if (bytes is null)
            {
                return null;
            }

            var read = MindieConfigReader.Read(bytes, configPath);
            diagnostics.AddRange(read.Diagnostics);
            config = read.Config;
            if (config is null)
            {
                return null;
            }
        }

        var resolver = CatalogResolver.ForFolder(q.Files, q.CurrentDirectory);
        var hardware = a.Hardware is null ? Missing<HardwareSpec>("--hardware", "the card (MindIE's config.json does not name it)", BuiltInCatalog.Load().Hardware.Keys, diagnostics) : resolver.Hardware(a.Hardware);
        var model = Model(q, config, resolver);
        diagnostics.AddRange(resolver.Diagnostics);
        var engine = a.Engine is null ? MemoryEngines.MindIE : OptionValues.Engine(a.Engine, diagnostics);
        var dtypes = new DtypeSettings(
            Weights: OptionValues.DataType(a.WeightsDtype, "--weights-dtype", diagnostics) ?? DataType.Bf16,
            Kv: OptionValues.DataType(a.KvDtype, "--kv-dtype", diagnostics) ?? DataType.Bf16);
        var overrides = engine is null ? null : Overrides(q, engine, fromEnvironment: true);
        if (hardware is null || model is null || engine is null || overrides is null || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return null;
        }

        if (config is not null && !engine.ReadsMindieConfig)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.InvalidSetting, $"--mindie-config is ignored with --engine {engine.Id}: {engine.Name} does not read MindIE's config.json", SourceLocation.None));
        }

        var request = config is not null && engine.ReadsMindieConfig
            ? MindieConfigMapping.ToRequest(config, model, hardware, dtypes)
            : new MemoryRequest
            {
                Model = model,
                Hardware = hardware,
                Engine = engine,
                Dtypes = dtypes,
                Parallelism = Parallelism(a, null),
            };
        return overrides(request);
    }

    private static T? Missing<T>(string option, string what, IEnumerable<string> known, List<Diagnostic> diagnostics)
        where T : class
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"{option} is required: {what}; one of {string.Join(", ", known.Order(StringComparer.Ordinal))}", SourceLocation.None));
        return null;
    }

    /// <summary>One question being answered: its arguments, where it reads, and the diagnostics so far.</summary>
    private sealed record Context(MemoryArguments Arguments, IFileSystem Files, string CurrentDirectory, Func<string, string?> Environment, List<Diagnostic> Diagnostics);
}
