using System.CommandLine;
using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Cli.Output;
using PerfGate.Cli.Rendering;
using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Memory;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate memory</c>: the memory budget per card from a scenario of the workspace (<c>--scenario</c>), a MindIE
/// config.json (<c>--mindie-config</c>) or options alone, on a card from the catalog. Exit code 0 when it fits (warnings
/// allowed), 2 on bad input or when it does not fit / risks running out of memory.
/// </summary>
internal static class MemoryCommand
{
    public static Command Create(CliContext context)
    {
        var o = new MemoryOptions();
        var command = new Command("memory", "Memory budget per card (weights, KV cache, runtime, communication, system), KV blocks, safe maxBatchSize and the recommended npuMemSize for a MindIE (or vLLM, SGLang, TensorRT-LLM) deployment.");
        foreach (var option in o.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(context, o.Read(parse)));
        return command;
    }

    private static int Run(CliContext context, MemoryArguments a)
    {
        var diagnostics = new List<Diagnostic>();
        MemoryRequest? request;
        MemoryBudget? budget = null;
        if (a.Scenario is not null)
        {
            (request, budget) = FromScenario(context, a, diagnostics);
        }
        else
        {
            request = BuildRequest(context, a, diagnostics);
            if (request is not null)
            {
                budget = MemoryBudgetCalculator.Compute(request);
                diagnostics.AddRange(budget.Diagnostics);
            }
        }

        DiagnosticPrinter.Print(context, diagnostics);

        if (budget is not null && request is not null)
        {
            if (a.Json)
            {
                context.Out.Write(MemoryJson.Write(budget, request, diagnostics));
            }
            else if (budget.PerCard.Count > 0)
            {
                MemoryTable.Write(ConsoleFactory.Create(context, 140), budget, request);
            }

            if (a.SvgPath is { } svgPath && budget.PerCard.Count > 0 && !OutputFile.TryWrite(context, svgPath, MemoryBudgetSvg.Render(budget, Title(budget, request)), "--svg"))
            {
                return ExitCodes.BadInput;
            }
        }

        // A budget that does not fit or risks OOM is a finding (exit 1); no budget at all means the input was bad (exit 2).
        return budget is null && diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.BadInput : ExitCodes.For(diagnostics);
    }

    private static (MemoryRequest?, MemoryBudget?) FromScenario(CliContext context, MemoryArguments a, List<Diagnostic> diagnostics)
    {
        if (a.MindieConfigPath is not null || a.Model is not null || a.ModelConfigPath is not null || a.Hardware is not null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, "--scenario takes the model, card and MindIE config from the scenario; drop --mindie-config, --model, --model-config and --hardware (or drop --scenario)", SourceLocation.None));
            return (null, null);
        }

        var root = WorkspaceDiscovery.Find(context.CurrentDirectory, a.Workspace, PerfGate.IO.PhysicalFileSystem.Instance);
        var fs = PhysicalFileSystem.Instance;
        var loaded = WorkspaceLoader.Load(fs, root);
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
        var overrides = Overrides(context, a, engine, fromEnvironment: false, diagnostics);
        if (overrides is null)
        {
            return (null, null);
        }

        var result = ScenarioMemoryBudget.Compute(workspace, scenario, overrides);
        diagnostics.AddRange(result.Diagnostics);
        return (result.Request, result.Budget);
    }

    private static MemoryRequest? BuildRequest(CliContext context, MemoryArguments a, List<Diagnostic> diagnostics)
    {
        MindieConfig? config = null;
        if (a.MindieConfigPath is { } configPath)
        {
            var bytes = InputFile.ReadBytes(context, configPath, "MindIE's config.json (--mindie-config)", MemoryOverrideValues.MaxInputBytes, diagnostics);
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

        var resolver = CatalogResolver.ForFolder(PhysicalFileSystem.Instance, context.CurrentDirectory);
        var hardware = a.Hardware is null ? Missing<HardwareSpec>("--hardware", "the card (MindIE's config.json does not name it)", BuiltInCatalog.Load().Hardware.Keys, diagnostics) : resolver.Hardware(a.Hardware);
        var model = Model(context, a, config, resolver, diagnostics);
        diagnostics.AddRange(resolver.Diagnostics);
        var engine = a.Engine is null ? MemoryEngines.MindIE : OptionParsing.Engine(a.Engine, diagnostics);
        var dtypes = new DtypeSettings(
            Weights: OptionParsing.DataType(a.WeightsDtype, "--weights-dtype", diagnostics) ?? DataType.Bf16,
            Kv: OptionParsing.DataType(a.KvDtype, "--kv-dtype", diagnostics) ?? DataType.Bf16);
        var overrides = engine is null ? null : Overrides(context, a, engine, fromEnvironment: true, diagnostics);
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

    private static ModelSpec? Model(CliContext context, MemoryArguments a, MindieConfig? config, CatalogResolver resolver, List<Diagnostic> diagnostics)
    {
        if (a.ModelConfigPath is { } path)
        {
            if (a.Model is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, "--model and --model-config both name the model; pass one", SourceLocation.None));
                return null;
            }

            var text = InputFile.ReadText(context, path, "the model's HuggingFace config.json (--model-config)", MemoryOverrideValues.MaxInputBytes, diagnostics);
            if (text is null)
            {
                return null;
            }

            var folder = Path.GetFileName(Path.GetDirectoryName(Path.GetFullPath(path, context.CurrentDirectory)));
            var id = HuggingFaceConfigReader.DeriveId(config?.ModelName) ?? HuggingFaceConfigReader.DeriveId(folder);
            var read = HuggingFaceConfigReader.Read(text, path, id);
            diagnostics.AddRange(read.Diagnostics);
            return read.Model;
        }

        if (a.Model is { } value)
        {
            return resolver.Model(value);
        }

        var catalog = BuiltInCatalog.Load();
        if (config?.ModelName is { } name && catalog.Models.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase)) is { } guessed)
        {
            diagnostics.Add(Diagnostic.Info(DiagnosticIds.InvalidSetting, $"modelName \"{name}\" taken as the catalog model '{guessed}'; pass --model or --model-config to choose another", config.LocationOf("modelName")));
            return catalog.Models[guessed];
        }

        return Missing<ModelSpec>("--model", "the model (or --model-config with its HuggingFace config.json)", catalog.Models.Keys, diagnostics);
    }

    /// <summary>The command-line settings applied over whatever the request came from; a setting given here points its findings at the command line.</summary>
    private static Func<MemoryRequest, MemoryRequest>? Overrides(CliContext context, MemoryArguments a, IEngineConvention engine, bool fromEnvironment, List<Diagnostic> diagnostics)
    {
        var fraction = MemoryOverrideValues.Fraction(context.GetEnvironmentVariable, a.MemoryFraction, fromEnvironment ? engine.MemoryFractionVariable : null, diagnostics);
        var buffer = a.HcclBuffSize is not null
            ? MemoryOverrideValues.Bytes(a.HcclBuffSize, "--hccl-buffsize", diagnostics)
            : fromEnvironment && engine.CommunicationBufferVariable is { } variable ? MemoryOverrideValues.BufferFromEnvironment(context.GetEnvironmentVariable, variable, diagnostics) : null;
        var system = MemoryOverrideValues.Bytes(a.SystemReserved, "--system-reserved", diagnostics);

        // A degree given on the command line is the command line's mistake, not the config file's it overrides.
        foreach (var (option, value) in new[] { ("--cards", a.Cards), ("--tp", a.Tp), ("--dp", a.Dp), ("--ep", a.Ep) })
        {
            if (value is < 1)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"{option} {value}: give 1 or more"), SourceLocation.None));
            }
        }

        if (diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return null;
        }

        return request =>
        {
            var locations = new Dictionary<string, SourceLocation>(request.KeyLocations, StringComparer.Ordinal);
            T? Pick<T>(T? option, T? current, string key)
                where T : struct
            {
                if (option is null)
                {
                    return current;
                }

                locations[key] = SourceLocation.None;
                return option;
            }

            var parallel = (a.Tp ?? a.Dp ?? a.Ep ?? a.Cards) is not null ? Parallelism(a, request.Parallelism) : request.Parallelism;
            return request with
            {
                Parallelism = parallel,
                NpuMemSize = Pick(a.NpuMemSize, request.NpuMemSize, "npuMemSize"),
                MemoryFraction = Pick(fraction, request.MemoryFraction, "memoryFraction"),
                CacheBlockSize = Pick(a.CacheBlockSize, request.CacheBlockSize, "cacheBlockSize"),
                MaxSeqLen = Pick(a.MaxSeqLen, request.MaxSeqLen, "maxSeqLen"),
                MaxInputTokenLen = Pick(a.MaxInputTokenLen, request.MaxInputTokenLen, "maxInputTokenLen"),
                MaxIterTimes = Pick(a.MaxIterTimes, request.MaxIterTimes, "maxIterTimes"),
                MaxPrefillTokens = Pick(a.MaxPrefillTokens, request.MaxPrefillTokens, "maxPrefillTokens"),
                MaxPrefillBatchSize = Pick(a.MaxPrefillBatchSize, request.MaxPrefillBatchSize, "maxPrefillBatchSize"),
                MaxBatchSize = Pick(a.MaxBatchSize, request.MaxBatchSize, "maxBatchSize"),
                SpeculativeTokens = a.SpeculativeTokens ?? request.SpeculativeTokens,
                InputTokens = a.InputTokens ?? request.InputTokens,
                OutputTokens = a.OutputTokens ?? request.OutputTokens,
                CommunicationBufferSize = buffer ?? request.CommunicationBufferSize,
                SystemReserved = system ?? request.SystemReserved,
                KeyLocations = locations,
            };
        };
    }

    private static MemoryParallelism Parallelism(MemoryArguments a, MemoryParallelism? from)
    {
        var tp = a.Tp ?? from?.Tp ?? a.Cards ?? 1;
        var dp = a.Dp ?? from?.Dp ?? 1;
        var cards = a.Cards ?? from?.Cards ?? (int)Math.Min((long)tp * dp, int.MaxValue);
        var ep = a.Ep ?? from?.MoeEp ?? 1;
        return new MemoryParallelism(cards, tp, dp, 0, ep);
    }

    private static T? Missing<T>(string option, string what, IEnumerable<string> known, List<Diagnostic> diagnostics)
        where T : class
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"{option} is required: {what}; one of {string.Join(", ", known.Order(StringComparer.Ordinal))}", SourceLocation.None));
        return null;
    }

    private static string Title(MemoryBudget budget, MemoryRequest request)
    {
        var mode = budget.Settings.NpuMemSizeGiB is { } gib
            ? string.Create(CultureInfo.InvariantCulture, $"npuMemSize {gib} GiB")
            : string.Create(CultureInfo.InvariantCulture, $"memory fraction {budget.Settings.MemoryFraction}");
        return string.Create(CultureInfo.InvariantCulture, $"{request.Model.Id} on {request.Parallelism.Cards} x {request.Hardware.Id} ({request.Engine.Id}, {mode})");
    }
}
