using System.CommandLine;
using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Cli.Rendering;
using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using Spectre.Console;

namespace PerfGate.Cli.Commands;

/// <summary>
/// <c>perfgate memory</c>: the memory budget per card for a MindIE config.json (or settings given as options) on a card from the
/// catalog. Exit code 0 when it fits (warnings allowed), 2 on bad input or when it does not fit / risks running out of memory.
/// </summary>
internal static class MemoryCommand
{
    private const long MaxConfigBytes = 16 * Bytes.MiB;

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
        var request = BuildRequest(context, a, diagnostics);
        MemoryBudget? budget = null;
        if (request is not null)
        {
            budget = MemoryBudgetCalculator.Compute(request);
            diagnostics.AddRange(budget.Diagnostics);
        }

        foreach (var d in diagnostics)
        {
            context.Error.WriteLine(d.ToCanonicalString());
        }

        if (budget is not null && request is not null)
        {
            if (a.Json)
            {
                context.Out.Write(MemoryJson.Write(budget, request, diagnostics));
            }
            else if (budget.PerCard.Count > 0)
            {
                MemoryTable.Write(CreateConsole(context), budget, request);
            }

            if (a.SvgPath is { } svgPath && budget.PerCard.Count > 0)
            {
                var title = string.Create(CultureInfo.InvariantCulture, $"{request.Model.Id} on {request.Parallelism.Cards} x {request.Hardware.Id}");
                if (!WriteAtomically(context, svgPath, MemoryBudgetSvg.Render(budget, title)))
                {
                    return ExitCodes.BadInput;
                }
            }
        }

        return diagnostics.Any(d => d.Severity == Severity.Error) ? ExitCodes.BadInput : ExitCodes.Success;
    }

    private static MemoryRequest? BuildRequest(CliContext context, MemoryArguments a, List<Diagnostic> diagnostics)
    {
        var catalog = BuiltInCatalog.Load();
        MindieConfig? config = null;
        if (a.MindieConfigPath is { } configPath)
        {
            var bytes = ReadInput(context, configPath, diagnostics);
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

        var hardware = Resolve(catalog.Hardware, a.Hardware, "--hardware", "the card (MindIE's config.json does not name it)", diagnostics);
        var modelId = a.Model ?? GuessModel(catalog, config, diagnostics);
        var model = Resolve(catalog.Models, modelId, "--model", "the model", diagnostics);
        var engine = ParseEngine(a.Engine, diagnostics);
        var dtypes = ParseDtypes(a, diagnostics);
        var fraction = ParseFraction(context, a, engine, diagnostics);
        var buffer = ParseBuffer(context, a, engine, diagnostics);
        var system = ParseBytesOption(a.SystemReserved, "--system-reserved", diagnostics);
        if (hardware is null || model is null || engine is null || dtypes is null || diagnostics.Any(d => d.Severity == Severity.Error))
        {
            return null;
        }

        var request = config is not null && engine == EngineKind.MindIE
            ? MindieConfigMapping.ToRequest(config, model, hardware, dtypes)
            : new MemoryRequest
            {
                Model = model,
                Hardware = hardware,
                Engine = engine.Value,
                Dtypes = dtypes,
                Parallelism = Parallelism(a),
            };
        if (config is not null && engine != EngineKind.MindIE)
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.InvalidSetting, "--mindie-config is ignored with --engine other than mindie", SourceLocation.None));
        }

        var overridden = new Dictionary<string, SourceLocation>(request.KeyLocations, StringComparer.Ordinal);
        T? Pick<T>(T? option, T? current, string key)
            where T : struct
        {
            if (option is null)
            {
                return current;
            }

            overridden[key] = SourceLocation.None;
            return option;
        }

        request = request with
        {
            Parallelism = config is not null && (a.Tp ?? a.Dp ?? a.Ep ?? a.Cards) is not null ? Parallelism(a, request.Parallelism) : request.Parallelism,
            NpuMemSize = Pick(a.NpuMemSize, request.NpuMemSize, "npuMemSize"),
            MemoryFraction = fraction,
            CacheBlockSize = Pick(a.CacheBlockSize, request.CacheBlockSize, "cacheBlockSize"),
            MaxSeqLen = Pick(a.MaxSeqLen, request.MaxSeqLen, "maxSeqLen"),
            MaxInputTokenLen = Pick(a.MaxInputTokenLen, request.MaxInputTokenLen, "maxInputTokenLen"),
            MaxIterTimes = Pick(a.MaxIterTimes, request.MaxIterTimes, "maxIterTimes"),
            MaxPrefillTokens = Pick(a.MaxPrefillTokens, request.MaxPrefillTokens, "maxPrefillTokens"),
            MaxPrefillBatchSize = Pick(a.MaxPrefillBatchSize, request.MaxPrefillBatchSize, "maxPrefillBatchSize"),
            MaxBatchSize = Pick(a.MaxBatchSize, request.MaxBatchSize, "maxBatchSize"),
            SpeculativeTokens = a.SpeculativeTokens ?? request.SpeculativeTokens,
            InputTokens = a.InputTokens,
            OutputTokens = a.OutputTokens,
            CommunicationBufferSize = buffer,
            SystemReserved = system,
            KeyLocations = overridden,
        };
        return request;
    }

    private static MemoryParallelism Parallelism(MemoryArguments a, MemoryParallelism? from = null)
    {
        var tp = a.Tp ?? from?.Tp ?? a.Cards ?? 1;
        var dp = a.Dp ?? from?.Dp ?? 1;
        var cards = a.Cards ?? from?.Cards ?? (tp * dp);
        var ep = a.Ep ?? from?.MoeEp ?? 1;
        return new MemoryParallelism(cards, tp, dp, 0, ep);
    }

    private static string? GuessModel(CatalogSet catalog, MindieConfig? config, List<Diagnostic> diagnostics)
    {
        if (config?.ModelName is not { } name)
        {
            return null;
        }

        var id = catalog.Models.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
        if (id is not null)
        {
            diagnostics.Add(Diagnostic.Info(DiagnosticIds.InvalidSetting, $"modelName \"{name}\" taken as the catalog model '{id}'; pass --model to choose another", config.LocationOf("modelName")));
        }

        return id;
    }

    private static T? Resolve<T>(IReadOnlyDictionary<string, T> known, string? id, string option, string what, List<Diagnostic> diagnostics)
        where T : class
    {
        var valid = string.Join(", ", known.Keys.Order(StringComparer.Ordinal));
        if (id is null)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.MissingField, $"{option} is required: {what}; one of {valid}", SourceLocation.None));
            return null;
        }

        if (known.TryGetValue(id, out var value))
        {
            return value;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"{option} '{id}' is not in the catalog; use one of {valid}", SourceLocation.None));
        return null;
    }

    private static EngineKind? ParseEngine(string? text, List<Diagnostic> diagnostics)
    {
        switch (text?.ToLowerInvariant())
        {
            case null or "mindie": return EngineKind.MindIE;
            case "vllm": return EngineKind.Vllm;
            case "sglang": return EngineKind.Sglang;
            case "tensorrt-llm" or "trtllm": return EngineKind.TensorRtLlm;
            default:
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--engine '{text}' is not known; use one of mindie, vllm, sglang, tensorrt-llm", SourceLocation.None));
                return null;
        }
    }

    private static DtypeSettings? ParseDtypes(MemoryArguments a, List<Diagnostic> diagnostics)
    {
        DataType Parse(string? text, string option, DataType fallback)
        {
            if (text is null)
            {
                return fallback;
            }

            if (DataTypeExtensions.TryParse(text, out var t))
            {
                return t;
            }

            diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option} '{text}' is not a data type; use one of {string.Join(", ", DataTypeExtensions.AllIds)}", SourceLocation.None));
            return fallback;
        }

        return new DtypeSettings(Weights: Parse(a.WeightsDtype, "--weights-dtype", DataType.Bf16), Kv: Parse(a.KvDtype, "--kv-dtype", DataType.Bf16));
    }

    private static double? ParseFraction(CliContext context, MemoryArguments a, EngineKind? engine, List<Diagnostic> diagnostics)
    {
        var (text, source) = a.MemoryFraction is { } given
            ? (given, "--npu-memory-fraction")
            : engine == EngineKind.MindIE && context.GetEnvironmentVariable("NPU_MEMORY_FRACTION") is { Length: > 0 } env ? (env, "NPU_MEMORY_FRACTION") : (null, null);
        if (text is null)
        {
            return null;
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var f) && f > 0 && f <= 1)
        {
            return f;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.EngineParameterOutOfRange, $"{source} '{text}' must be a number in (0, 1] written with '.', e.g. 0.8", SourceLocation.None));
        return null;
    }

    private static Bytes? ParseBuffer(CliContext context, MemoryArguments a, EngineKind? engine, List<Diagnostic> diagnostics)
    {
        if (a.HcclBuffSize is not null)
        {
            return ParseBytesOption(a.HcclBuffSize, "--hccl-buffsize", diagnostics);
        }

        if (engine != EngineKind.MindIE || context.GetEnvironmentVariable("HCCL_BUFFSIZE") is not { Length: > 0 } env)
        {
            return null;
        }

        if (int.TryParse(env, NumberStyles.None, CultureInfo.InvariantCulture, out var mb) && mb >= 1)
        {
            return new Bytes(mb * Bytes.MiB);
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"HCCL_BUFFSIZE '{env}' must be a whole number of MB (>= 1), e.g. 200", SourceLocation.None));
        return null;
    }

    private static Bytes? ParseBytesOption(string? text, string option, List<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (QuantityParser.TryParseBytes(text, out var value, out var error))
        {
            return value;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.BadUnit, $"{option}: {error}", SourceLocation.None));
        return null;
    }

    private static byte[]? ReadInput(CliContext context, string path, List<Diagnostic> diagnostics)
    {
        var full = Path.GetFullPath(path, context.CurrentDirectory);
        try
        {
            var info = new FileInfo(full);
            if (!info.Exists)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"file not found: {path}", new SourceLocation(path)));
                return null;
            }

            if (info.Length > MaxConfigBytes)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.HostileInput, $"{info.Length} bytes is too large for a MindIE config.json (limit {MaxConfigBytes})", new SourceLocation(path)));
                return null;
            }

            return File.ReadAllBytes(full);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, $"cannot read {path}: {ex.Message}", new SourceLocation(path)));
            return null;
        }
    }

    /// <summary>Writes to a temporary file beside the target, then renames it over the target, so readers never see half a file.</summary>
    private static bool WriteAtomically(CliContext context, string path, string text)
    {
        var full = Path.GetFullPath(path, context.CurrentDirectory);
        var temp = full + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, full, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            File.Delete(temp);
            context.Error.WriteLine(Diagnostic.Error(DiagnosticIds.FileNotFound, $"cannot write the SVG to {path}: {ex.Message}", new SourceLocation(path)).ToCanonicalString());
            return false;
        }
    }

    private static IAnsiConsole CreateConsole(CliContext context)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = context.IsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.IsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(context.Out),
        });
        if (!context.IsTerminal)
        {
            console.Profile.Width = 140;
        }

        return console;
    }
}
