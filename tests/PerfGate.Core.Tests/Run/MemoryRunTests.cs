using PerfGate.Diagnostics;
using PerfGate.Memory;
using PerfGate.Quantities;
using PerfGate.Run;
using PerfGate.Tests.IO;

namespace PerfGate.Tests.Run;

/// <summary>
/// The rules of a memory question from a front end's arguments, run in memory: which arguments combine, the defaults,
/// the engine, the files it reads (MindIE's and the model's config.json, a workspace) and the engine's variables.
/// </summary>
public sealed class MemoryRunTests
{
    private static readonly byte[] MindieConfig = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Memory", "Fixtures", "mindie-qwq32b-npumem8.json"));
    private static readonly byte[] QwqConfig = File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Catalog", "HuggingFace", "qwq-32b.config.json"));

    private const string Settings = "scenarios:\n  - scenarios/*.yaml\nbaselines: baselines\n";

    private const string Scenario = "kind: scenario\nid: qwq-910b3\nmodel: qwq-32b\nhardware: ascend-910b3\ncards: 4\nparallelism: {tp: 4}\nmemory:\n  engine: mindie\n  inputTokens: 60\n  outputTokens: 512\n";

    private static InMemoryFileSystem Files()
    {
        var files = new InMemoryFileSystem();
        files.Add("/cwd/config.json", MindieConfig);
        files.Add("/cwd/QwQ-32B/config.json", QwqConfig);
        files["/ws/perfgate.yaml"] = Settings;
        files["/ws/scenarios/qwq.yaml"] = Scenario;
        return files;
    }

    private static MemoryAnswer Answer(MemoryArguments arguments, Func<string, string?>? environment = null, InMemoryFileSystem? files = null) =>
        MemoryRun.Answer(arguments, files ?? Files(), "/cwd", environment ?? (_ => null));

    private static Diagnostic SingleError(MemoryAnswer answer)
    {
        Assert.Null(answer.Request);
        Assert.Null(answer.Budget);
        return Assert.Single(answer.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_mindie_config_on_a_card_gives_its_budget_and_the_model_its_modelName_names()
    {
        var answer = Answer(new MemoryArguments { MindieConfigPath = "config.json", Hardware = "ascend-910b3" });

        Assert.NotNull(answer.Budget);
        Assert.Equal(("qwq-32b", "ascend-910b3", "mindie", 8), (answer.Request!.Model.Id, answer.Request.Hardware.Id, answer.Request.Engine.Id, answer.Request.NpuMemSize));
        Assert.Equal(4, answer.Request.Parallelism.Cards);
        var guess = Assert.Single(answer.Diagnostics, d => d.Severity == Severity.Info);
        Assert.Equal("modelName \"QwQ-32B\" taken as the catalog model 'qwq-32b'; pass --model or --model-config to choose another", guess.Message);
        Assert.Equal("config.json", guess.Location.File);
    }

    [Fact]
    public void Options_alone_default_to_mindie_bf16_and_tp_over_the_cards()
    {
        var answer = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", Cards = 8 });

        var r = answer.Request!;
        Assert.NotNull(answer.Budget);
        Assert.Equal(("mindie", DataType.Bf16, DataType.Bf16), (r.Engine.Id, r.Dtypes.Weights, r.Dtypes.Kv));
        Assert.Equal(new MemoryParallelism(8, 8, 1, 0, 1), r.Parallelism);
        Assert.Equal(new MemoryParallelism(4, 2, 2, 0, 1), Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", Tp = 2, Dp = 2 }).Request!.Parallelism);
    }

    [Fact]
    public void Options_override_the_config_and_point_their_findings_at_the_command_line()
    {
        var answer = Answer(new MemoryArguments { MindieConfigPath = "config.json", Hardware = "ascend-910b3", MaxBatchSize = 10, Tp = 2, HcclBuffSize = "100 MiB", SystemReserved = "3 GiB" });

        var r = answer.Request!;
        Assert.Equal((10, 2, 4), (r.MaxBatchSize, r.Parallelism.Tp, r.Parallelism.Cards));
        Assert.Equal(SourceLocation.None, r.LocationOf("maxBatchSize"));
        Assert.Equal("config.json", r.LocationOf("npuMemSize").File);
        Assert.Equal((new Bytes(100 * Bytes.MiB), new Bytes(3 * Bytes.GiB)), (r.CommunicationBufferSize, r.SystemReserved));
    }

    [Fact]
    public void Outside_a_scenario_the_engine_reads_its_variables_unless_an_option_names_the_value()
    {
        string? Env(string name) => name switch { "NPU_MEMORY_FRACTION" => "0.85", "HCCL_BUFFSIZE" => "200", _ => null };

        var fromEnvironment = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3" }, Env).Request!;
        Assert.Equal((0.85, new Bytes(200 * Bytes.MiB)), (fromEnvironment.MemoryFraction, fromEnvironment.CommunicationBufferSize));

        var fromOption = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", MemoryFraction = "0.7" }, Env).Request!;
        Assert.Equal(0.7, fromOption.MemoryFraction);

        // vLLM reads neither variable.
        var vllm = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "h100-sxm", Engine = "vllm" }, Env).Request!;
        Assert.Null(vllm.CommunicationBufferSize);
        Assert.NotEqual(0.85, vllm.MemoryFraction);
    }

    [Fact]
    public void A_bad_variable_is_an_error_naming_it()
    {
        var d = SingleError(Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3" }, name => name == "NPU_MEMORY_FRACTION" ? "0,8" : null));

        Assert.Equal(DiagnosticIds.EngineParameterOutOfRange, d.Id);
        Assert.StartsWith("NPU_MEMORY_FRACTION '0,8'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_model_config_names_the_model_after_its_folder()
    {
        var answer = Answer(new MemoryArguments { ModelConfigPath = "QwQ-32B/config.json", Hardware = "ascend-910b3" });

        Assert.NotNull(answer.Budget);
        Assert.Equal("qwq-32b", answer.Request!.Model.Id);
    }

    [Fact]
    public void An_engine_that_does_not_read_mindie_config_ignores_it_with_a_warning()
    {
        var answer = Answer(new MemoryArguments { MindieConfigPath = "config.json", Model = "qwq-32b", Hardware = "h100-sxm", Engine = "vllm", Cards = 4 });

        Assert.Equal("vllm", answer.Request!.Engine.Id);
        Assert.Null(answer.Request.NpuMemSize);
        var w = Assert.Single(answer.Diagnostics, d => d.Severity == Severity.Warning && d.Message.StartsWith("--mindie-config", StringComparison.Ordinal));
        Assert.Equal("--mindie-config is ignored with --engine vllm: vLLM does not read MindIE's config.json", w.Message);
    }

    [Theory]
    [InlineData(null, "ascend-910b3", DiagnosticIds.MissingField, "--model is required: the model (or --model-config with its HuggingFace config.json); one of ")]
    [InlineData("qwq-32b", null, DiagnosticIds.MissingField, "--hardware is required: the card (MindIE's config.json does not name it); one of ")]
    [InlineData("qwq-33b", "ascend-910b3", DiagnosticIds.UnknownReference, "--model: unknown model 'qwq-33b' (did you mean 'qwq-32b'?)")]
    public void A_missing_or_unknown_model_or_card_lists_the_catalog(string? model, string? hardware, string id, string message)
    {
        var d = SingleError(Answer(new MemoryArguments { Model = model, Hardware = hardware }));

        Assert.Equal(id, d.Id);
        Assert.StartsWith(message, d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_option_values_are_each_reported_at_once()
    {
        var answer = Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", WeightsDtype = "fp6", KvDtype = "int3", Cards = 0, Ep = -1, SystemReserved = "3 parsecs" });

        Assert.Null(answer.Request);
        var messages = answer.Diagnostics.Select(d => d.Message).ToList();
        Assert.Equal(5, messages.Count);
        Assert.StartsWith("--weights-dtype: 'fp6' is not a data type", messages[0], StringComparison.Ordinal);
        Assert.StartsWith("--kv-dtype: 'int3' is not a data type", messages[1], StringComparison.Ordinal);
        Assert.StartsWith("--system-reserved: ", messages[2], StringComparison.Ordinal);
        Assert.Equal(["--cards 0: give 1 or more", "--ep -1: give 1 or more"], messages[3..]);
    }

    [Fact]
    public void An_unknown_engine_is_an_error()
    {
        var d = SingleError(Answer(new MemoryArguments { Model = "qwq-32b", Hardware = "ascend-910b3", Engine = "tgi" }));

        Assert.StartsWith("--engine: 'tgi' is not valid", d.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing.json", null, "file not found; pass the path of MindIE's config.json (--mindie-config)")]
    [InlineData(null, "missing/config.json", "file not found; pass the path of the model's HuggingFace config.json (--model-config)")]
    public void A_named_file_that_is_missing_is_an_error_at_its_path(string? mindie, string? model, string message)
    {
        var d = SingleError(Answer(new MemoryArguments { MindieConfigPath = mindie, ModelConfigPath = model, Hardware = "ascend-910b3" }));

        Assert.Equal((DiagnosticIds.FileNotFound, message, mindie ?? model), (d.Id, d.Message, d.Location.File));
    }

    [Fact]
    public void A_mindie_config_that_is_not_json_stops_before_the_catalog()
    {
        var files = Files();
        files["/cwd/config.json"] = "{ not json";

        var answer = Answer(new MemoryArguments { MindieConfigPath = "config.json" }, files: files);

        Assert.Null(answer.Request);
        Assert.All(answer.Diagnostics.Where(d => d.Severity == Severity.Error), d => Assert.Equal("config.json", d.Location.File));
        Assert.DoesNotContain(answer.Diagnostics, d => d.Message.StartsWith("--hardware", StringComparison.Ordinal));
    }

    [Fact]
    public void The_model_is_named_once()
    {
        var d = SingleError(Answer(new MemoryArguments { Model = "qwq-32b", ModelConfigPath = "QwQ-32B/config.json", Hardware = "ascend-910b3" }));

        Assert.Equal((DiagnosticIds.InvalidSetting, "--model and --model-config both name the model; pass one"), (d.Id, d.Message));
    }

    [Fact]
    public void A_scenario_budget_takes_overrides_but_not_the_environment()
    {
        var answer = Answer(new MemoryArguments { Workspace = "/ws", Scenario = "qwq-910b3", MaxBatchSize = 12 }, name => name == "NPU_MEMORY_FRACTION" ? "0.5" : null);

        Assert.NotNull(answer.Budget);
        Assert.Equal(("qwq-32b", 12), (answer.Request!.Model.Id, answer.Request.MaxBatchSize));
        Assert.NotEqual(0.5, answer.Request.MemoryFraction);
    }

    [Fact]
    public void A_scenario_is_found_from_the_current_folder_up()
    {
        var answer = MemoryRun.Answer(new MemoryArguments { Scenario = "qwq-910b3" }, Files(), "/ws/scenarios", _ => null);

        Assert.Equal("qwq-32b", answer.Request!.Model.Id);
    }

    [Theory]
    [InlineData("--mindie-config")]
    [InlineData("--model")]
    [InlineData("--model-config")]
    [InlineData("--hardware")]
    public void A_scenario_takes_its_model_card_and_config_from_itself(string option)
    {
        var a = new MemoryArguments { Workspace = "/ws", Scenario = "qwq-910b3" };
        a = option switch
        {
            "--mindie-config" => a with { MindieConfigPath = "config.json" },
            "--model" => a with { Model = "qwq-32b" },
            "--model-config" => a with { ModelConfigPath = "QwQ-32B/config.json" },
            _ => a with { Hardware = "ascend-910b3" },
        };

        var d = SingleError(Answer(a));

        Assert.Equal(DiagnosticIds.InvalidSetting, d.Id);
        Assert.StartsWith("--scenario takes the model, card and MindIE config from the scenario", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_scenario_lists_the_workspace_scenarios()
    {
        var d = SingleError(Answer(new MemoryArguments { Workspace = "/ws", Scenario = "qwq" }));

        Assert.Equal((DiagnosticIds.UnknownReference, "--scenario 'qwq' is not in the workspace; its scenarios: qwq-910b3"), (d.Id, d.Message));
    }

    [Fact]
    public void A_scenario_in_a_workspace_that_does_not_load_gives_the_load_errors()
    {
        var answer = Answer(new MemoryArguments { Workspace = "/nowhere", Scenario = "qwq-910b3" });

        Assert.Null(answer.Request);
        Assert.Contains(answer.Diagnostics, d => d.Severity == Severity.Error);
        Assert.DoesNotContain(answer.Diagnostics, d => d.Message.StartsWith("--scenario", StringComparison.Ordinal));
    }

    [Fact]
    public void A_bad_degree_stops_a_scenario_budget()
    {
        var d = SingleError(Answer(new MemoryArguments { Workspace = "/ws", Scenario = "qwq-910b3", Tp = 0 }));

        Assert.Equal("--tp 0: give 1 or more", d.Message);
    }

    [Fact]
    public void The_svg_is_titled_with_the_model_the_cards_the_engine_and_the_memory_mode()
    {
        var answer = Answer(new MemoryArguments { MindieConfigPath = "config.json", Hardware = "ascend-910b3" });

        Assert.Contains(">qwq-32b on 4 x ascend-910b3 (mindie, npuMemSize 8 GiB)</text>", MemoryBudgetSvg.Render(answer.Budget!, answer.Request!), StringComparison.Ordinal);
        var automatic = Answer(new MemoryArguments { MindieConfigPath = "config.json", Hardware = "ascend-910b3", NpuMemSize = -1 });
        Assert.Contains("(mindie, memory fraction 0.8)</text>", MemoryBudgetSvg.Render(automatic.Budget!, automatic.Request!), StringComparison.Ordinal);
    }
}
