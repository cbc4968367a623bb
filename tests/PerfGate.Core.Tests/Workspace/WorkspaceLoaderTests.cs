using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Tests.IO;
using PerfGate.Workspace;

namespace PerfGate.Tests.Workspace;

public sealed class WorkspaceLoaderTests
{
    private const string Settings = """
        catalog: [catalog]
        scenarios:
          - scenarios/*.yaml
        baselines: baselines
        tolerances:
          - metric: decode.*
            relative: 0.5%
          - scenario: qwq-*
            metric: memory.kvBlocks
            absolute: 2
        rounding:
          significantDigits: 5
        """;

    private const string Scenario = """
        kind: scenario
        id: qwq-910b3
        model: qwq-32b
        hardware: ascend-910b3
        cards: 4
        parallelism: {tp: 4}
        dtypes: {weights: bf16, kv: bf16}
        decode:
          batch: 10
          context: 2048
        memory:
          engine: mindie
          mindieConfig: mindie/config.json
          npuMemSize: 8
          memoryFraction: 0.8
          communicationBufferSize: 120 MB
        """;

    private const string MyGpu = """
        kind: hardware
        id: my-gpu
        name: My GPU
        vendor: Acme
        memory: 24 GiB
        memoryBandwidth: 1 TB/s
        bf16: 100 TFLOPS
        systemReservedMemory: 512 MiB
        efficiency: roofline
        kernelLaunchOverhead: 2 us
        source: https://example.com/datasheet
        """;

    private static InMemoryFileSystem Files(params (string Path, string Text)[] extra)
    {
        var fs = new InMemoryFileSystem
        {
            ["/ws/perfgate.yaml"] = Settings,
            ["/ws/scenarios/qwq.yaml"] = Scenario,
            ["/ws/scenarios/mindie/config.json"] = "{}",
            ["/ws/catalog/gpus/my-gpu.yaml"] = MyGpu,
        };
        foreach (var (path, text) in extra)
        {
            fs[path] = text;
        }

        return fs;
    }

    private static WorkspaceLoadResult Load(InMemoryFileSystem fs, IReadOnlyDictionary<string, string?>? overrides = null) =>
        WorkspaceLoader.Load(fs, "/ws", overrides);

    [Fact]
    public void Files_read_on_several_cores_give_the_diagnostics_and_inputs_of_one_core_in_the_same_order()
    {
        // Scenario files are read and parsed in parallel and recorded in their order: good and broken files mixed, the
        // diagnostics (each file's, then the checks after loading) and the hashed inputs are the same on 1 and 4 cores.
        var extra = new List<(string, string)>();
        for (var i = 0; i < 24; i++)
        {
            var name = i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            extra.Add(($"/ws/scenarios/s{name}.yaml", (i % 4) switch
            {
                0 => Scenario.Replace("id: qwq-910b3", $"id: qwq-{name}", StringComparison.Ordinal),
                1 => "kind: scenario\nid: [unclosed\n",
                2 => "kind: model\nid: m" + name + "\n",
                _ => Scenario.Replace("id: qwq-910b3", $"id: qwq-{name}", StringComparison.Ordinal).Replace("hardware: ascend-910b3", "hardware: ascend-910x", StringComparison.Ordinal),
            }));
        }

        var fs = Files([.. extra]);
        fs.Add("/ws/scenarios/zz-big.yaml", new byte[(1 << 20) + 1]);
        var one = WorkspaceLoader.Load(fs, "/ws", parallelism: 1);
        var four = WorkspaceLoader.Load(fs, "/ws", parallelism: 4);
        Assert.True(one.Diagnostics.Count >= 19, string.Join("\n", one.Diagnostics)); // 6 syntax, 6 kind, 6 hardware, 1 size
        Assert.Equal(one.Diagnostics.Select(d => d.ToCanonicalString()), four.Diagnostics.Select(d => d.ToCanonicalString()));

        var good = Files([.. extra.Where((_, i) => i % 4 == 0)]);
        var inputsOne = WorkspaceLoader.Load(good, "/ws", parallelism: 1).Workspace!;
        var inputsFour = WorkspaceLoader.Load(good, "/ws", parallelism: 4).Workspace!;
        Assert.Equal(7, inputsOne.Scenarios.Count);
        Assert.Equal(inputsOne.Inputs, inputsFour.Inputs);
        Assert.Equal(inputsOne.Scenarios.Select(s => s.Id), inputsFour.Scenarios.Select(s => s.Id));
    }

    private static Diagnostic SingleError(WorkspaceLoadResult result)
    {
        Assert.Null(result.Workspace);
        return Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
    }

    [Fact]
    public void A_settings_error_does_not_hide_the_errors_of_the_scenarios()
    {
        // perfgate.yaml misspells a key and a scenario names a model that does not exist: one run reports both,
        // each at its own file and position, so the user fixes everything in one round.
        var fs = Files();
        fs["/ws/perfgate.yaml"] = "scenarios: [scenarios/*.yaml]\nbaseline: baselines\n";
        fs["/ws/scenarios/qwq.yaml"] = Scenario.Replace("model: qwq-32b", "model: qwq-33b", StringComparison.Ordinal);

        var result = Load(fs);

        Assert.Null(result.Workspace);
        var errors = result.Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, d => d.Id == DiagnosticIds.UnknownKey && d.Location == new SourceLocation("perfgate.yaml", 2, 1) && d.Message.Contains("did you mean 'baselines'", StringComparison.Ordinal));
        Assert.Contains(errors, d => d.Id == DiagnosticIds.UnknownReference && d.Location == new SourceLocation("scenarios/qwq.yaml", 3, 8) && d.Message.Contains("did you mean 'qwq-32b'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_hardware_document_hears_which_figures_it_left_at_their_defaults()
    {
        // my-gpu sets no systemReservedMemory, efficiency or kernelLaunchOverhead: each silently changes an estimate.
        var bare = Files();
        bare["/ws/catalog/gpus/my-gpu.yaml"] = string.Join('\n', MyGpu.Split('\n').Where(l => !l.StartsWith("systemReserved", StringComparison.Ordinal) && !l.StartsWith("efficiency", StringComparison.Ordinal) && !l.StartsWith("kernelLaunch", StringComparison.Ordinal)));
        var warning = Assert.Single(Load(bare).Diagnostics, d => d.Id == DiagnosticIds.FigureLeftAtDefault);
        Assert.Equal(
            "catalog/gpus/my-gpu.yaml(1,1): warning PG2021: hardware 'my-gpu' leaves systemReservedMemory (0 MiB held at rest), efficiency (the published factors), kernelLaunchOverhead (0 us per kernel) at PerfGate's defaults; measure them on your machine and set them with a source, or set them to these values to accept them",
            warning.ToCanonicalString());

        Assert.DoesNotContain(Load(Files()).Diagnostics, d => d.Id == DiagnosticIds.FigureLeftAtDefault);
    }

    [Fact]
    public void A_valid_workspace_loads_settings_catalog_scenarios_and_hashes()
    {
        var result = Load(Files());
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var ws = result.Workspace!;
        Assert.Equal("/ws", ws.Root);
        Assert.Equal("/ws/baselines", ws.BaselinesDirectory);
        Assert.Equal(5, ws.Settings.SignificantDigits);
        Assert.Collection(
            ws.Settings.Tolerances,
            t =>
            {
                Assert.Equal("*", t.Scenario);
                Assert.Equal(0.005, t.Relative!.Value, 12);
                Assert.True(t.Matches("anything", "decode.stepMs"));
                Assert.False(t.Matches("anything", "memory.total"));
                Assert.Equal(new SourceLocation("perfgate.yaml", 6, 5), t.Location);
            },
            t =>
            {
                Assert.Equal(2, t.Absolute);
                Assert.True(t.Matches("qwq-910b3", "memory.kvBlocks"));
            });

        Assert.True(ws.Catalog.Hardware.ContainsKey("my-gpu"));
        Assert.True(ws.Catalog.Hardware.ContainsKey("h100-sxm"));

        var s = Assert.Single(ws.Scenarios);
        Assert.Equal("qwq-910b3", s.Id);
        Assert.Equal(4, s.EffectiveCards);
        Assert.Equal(4, s.Parallelism.Tp);
        Assert.Equal(10, s.Decode!.Batch);
        Assert.Equal(0.85, s.Decode.MtpAcceptance);
        Assert.Equal(MemoryEngines.MindIE, s.Memory!.Engine);
        Assert.Equal("scenarios/mindie/config.json", s.Memory.MindieConfig);
        Assert.Equal(120_000_000L, s.Memory.CommunicationBufferSize!.Value.Value);
        Assert.Equal(new SourceLocation("scenarios/qwq.yaml", 9, 3), s.LocationOf("decode.batch"));
        Assert.Equal("scenarios/qwq.yaml", s.Location.File);

        Assert.Equal(
            ["catalog/gpus/my-gpu.yaml", "perfgate.yaml", "scenarios/mindie/config.json", "scenarios/qwq.yaml"],
            ws.Inputs.Select(i => i.RelativePath));
        // SHA-256 of the two bytes "{}".
        Assert.Equal("44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", ws.Inputs.Single(i => i.RelativePath.EndsWith("config.json", StringComparison.Ordinal)).Sha256);
        // The scenario reads no workspace catalog document (its model and card are built in): my-gpu.yaml is not its input.
        Assert.Equal(["perfgate.yaml", "scenarios/mindie/config.json", "scenarios/qwq.yaml"], ws.InputsOf(s).Select(i => i.RelativePath));

        // Evaluation parses the MindIE config from the bytes the loader hashed; the files the loader parsed itself are not kept.
        Assert.Equal(["scenarios/mindie/config.json"], ws.Contents.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("{}"u8.ToArray(), ws.Contents["scenarios/mindie/config.json"].ToArray());
    }

    [Fact]
    public void Scenarios_share_their_key_strings_but_not_their_locations()
    {
        var result = Load(Files(("/ws/scenarios/qwq-2.yaml", Scenario.Replace("id: qwq-910b3", "id: qwq-2", StringComparison.Ordinal))));
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        var (a, b) = (result.Workspace!.Scenarios.Single(s => s.Id == "qwq-910b3"), result.Workspace.Scenarios.Single(s => s.Id == "qwq-2"));
        Assert.Same(a.KeyLocations.Keys.Single(k => k == "decode.batch"), b.KeyLocations.Keys.Single(k => k == "decode.batch"));
        Assert.Equal(new SourceLocation("scenarios/qwq-2.yaml", 9, 3), b.LocationOf("decode.batch"));
        Assert.Equal(new SourceLocation("scenarios/qwq.yaml", 9, 3), a.LocationOf("decode.batch"));
    }

    [Fact]
    public void A_missing_perfgate_yaml_is_reported()
    {
        var d = SingleError(WorkspaceLoader.Load(new InMemoryFileSystem(), "/ws"));
        Assert.Equal(DiagnosticIds.FileNotFound, d.Id);
        Assert.StartsWith("no perfgate.yaml in '/ws'", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dangling_references_suggest_and_list_the_known_ids()
    {
        var fs = Files(("/ws/scenarios/qwq.yaml", Scenario.Replace("model: qwq-32b", "model: qwq-23b", StringComparison.Ordinal).Replace("hardware: ascend-910b3", "hardware: ascend-910b3\nnic: cx8", StringComparison.Ordinal)));
        var result = Load(fs);
        Assert.Null(result.Workspace);
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                Assert.Equal(DiagnosticIds.UnknownReference, d.Id);
                Assert.Equal(new SourceLocation("scenarios/qwq.yaml", 3, 8), d.Location);
                Assert.Equal("'model' names model 'qwq-23b', which is not in the catalog (did you mean 'qwq-32b'?). Known model ids: 'deepseek-r1', 'deepseek-v3', 'llama-3-70b', 'llama-3-8b', 'llama-3.1-405b', 'llama-3.1-70b', 'llama-3.1-8b', 'qwen2-57b-a14b', 'qwen2-72b', 'qwen2.5-32b', 'qwen2.5-72b', 'qwen2.5-7b', 'qwen3-235b-a22b', 'qwen3-30b-a3b', 'qwq-32b'", d.Message);
            },
            d =>
            {
                Assert.Equal(new SourceLocation("scenarios/qwq.yaml", 5, 6), d.Location);
                Assert.Equal("'nic' names nic 'cx8', which is not in the catalog. Known nic ids: 'cx7-400g', 'e810-100g'", d.Message);
            });
    }

    [Fact]
    public void Search_lists_are_checked_item_by_item()
    {
        var search = "kind: scenario\nid: ds\nmodel: deepseek-v3\nhardware: h800\nsearch:\n  hardware: [h800, h2O]\n  nics: [cx7-400g]\n  elementSizes: [[2, 2], [1]]\n  pipelines: [naive, dual]\n";
        var result = Load(Files(("/ws/scenarios/ds.yaml", search)));
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                Assert.Equal(DiagnosticIds.WrongType, d.Id);
                Assert.Equal("'search.elementSizes[1]' must be a pair [kvBytes, nonExpertBytes] such as [1, 2], not a list of 1", d.Message);
                Assert.Equal(new SourceLocation("scenarios/ds.yaml", 8, 26), d.Location);
            },
            d =>
            {
                Assert.Equal(DiagnosticIds.InvalidValue, d.Id);
                Assert.Equal("'search.pipelines[1]' is 'dual', which is not valid (did you mean 'dual-micro-batch'?). Valid values: 'naive', 'dual-micro-batch'", d.Message);
            },
            d =>
            {
                Assert.Equal(DiagnosticIds.UnknownReference, d.Id);
                Assert.Equal(new SourceLocation("scenarios/ds.yaml", 6, 20), d.Location);
                Assert.Contains("'search.hardware[1]' names hardware 'h2O', which is not in the catalog (did you mean 'h20'?)", d.Message, StringComparison.Ordinal);
            });
    }

    [Fact]
    public void Duplicate_scenario_ids_name_both_files()
    {
        var d = SingleError(Load(Files(("/ws/scenarios/qwq2.yaml", Scenario))));
        Assert.Equal(DiagnosticIds.DuplicateId, d.Id);
        Assert.Equal("scenario id 'qwq-910b3' is used twice; the first is in scenarios/qwq.yaml. Scenario ids name baselines, so each must be unique", d.Message);
        Assert.Equal(new SourceLocation("scenarios/qwq2.yaml", 2, 1), d.Location);
    }

    [Theory]
    [InlineData("baselines: ../outside\n", "'baselines' is '../outside', which lies outside the workspace root '/ws'; use a path inside it", 1, 1)]
    [InlineData("catalog: [../../etc]\n", "'catalog[0]' is '../../etc', which lies outside the workspace root '/ws'; use a path inside it", 1, 11)]
    [InlineData("scenarios: [/etc/passwd]\n", "'scenarios[0]' is '/etc/passwd', which lies outside the workspace root '/ws'; use a path inside it", 1, 13)]
    [InlineData("scenarios: ['../**/*.yaml']\n", "'scenarios[0]' is '../', which lies outside the workspace root '/ws'; use a path inside it", 1, 13)]
    public void Paths_escaping_the_workspace_are_refused(string settings, string message, int line, int column)
    {
        var fs = Files(("/ws/perfgate.yaml", settings));
        var d = SingleError(Load(fs));
        Assert.Equal(DiagnosticIds.PathEscapesWorkspace, d.Id);
        Assert.Equal(message, d.Message);
        Assert.Equal(new SourceLocation("perfgate.yaml", line, column), d.Location);
    }

    [Fact]
    public void An_engine_config_outside_the_workspace_is_refused()
    {
        var d = SingleError(Load(Files(("/ws/scenarios/qwq.yaml", Scenario.Replace("mindie/config.json", "../../secret.json", StringComparison.Ordinal)))));
        Assert.Equal(DiagnosticIds.PathEscapesWorkspace, d.Id);
        Assert.Equal(new SourceLocation("scenarios/qwq.yaml", 13, 17), d.Location);
    }

    [Fact]
    public void Missing_files_and_folders_are_reported()
    {
        var fs = Files(("/ws/perfgate.yaml", "catalog: [nope]\nscenarios: [scenarios/missing.yaml, 'other/*.yaml']\n"));
        var result = Load(fs);
        Assert.Collection(
            result.Diagnostics,
            d => Assert.Equal(("catalog folder 'nope' does not exist (relative to the workspace root)", new SourceLocation("perfgate.yaml", 1, 11)), (d.Message, d.Location)),
            d => Assert.Equal(("scenario file 'scenarios/missing.yaml' does not exist (relative to the workspace root)", new SourceLocation("perfgate.yaml", 2, 13)), (d.Message, d.Location)),
            d => Assert.Equal(("scenario pattern 'other/*.yaml' matches no file", new SourceLocation("perfgate.yaml", 2, 37)), (d.Message, d.Location)));
        Assert.All(result.Diagnostics, d => Assert.Equal(DiagnosticIds.FileNotFound, d.Id));
    }

    [Fact]
    public void Problems_in_several_files_are_all_reported()
    {
        var fs = Files(
            ("/ws/catalog/gpus/my-gpu.yaml", MyGpu.Replace("24 GiB", "24", StringComparison.Ordinal)),
            ("/ws/scenarios/qwq.yaml", Scenario.Replace("batch: 10", "batch: -1\n  bacth: 3", StringComparison.Ordinal)));
        var result = Load(fs);
        Assert.Collection(
            result.Diagnostics,
            d => Assert.Equal((DiagnosticIds.BadUnit, "catalog/gpus/my-gpu.yaml", 5), (d.Id, d.Location.File, d.Location.Line)),
            d => Assert.Equal((DiagnosticIds.InvalidValue, "scenarios/qwq.yaml", 9, "'decode.batch' is -1; it must be a whole number of at least 1"), (d.Id, d.Location.File, d.Location.Line, d.Message)),
            d => Assert.Equal((DiagnosticIds.UnknownKey, "scenarios/qwq.yaml", 10), (d.Id, d.Location.File, d.Location.Line)));
        Assert.StartsWith("unknown key 'bacth' in the 'decode' section (did you mean 'batch'?)", result.Diagnostics[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_workspace_document_overrides_a_built_in_as_info()
    {
        var fs = Files(("/ws/catalog/h100.yaml", MyGpu.Replace("id: my-gpu", "id: h100-sxm", StringComparison.Ordinal)));
        var result = Load(fs);
        Assert.False(result.HasErrors);
        var info = Assert.Single(result.Diagnostics);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Equal(DiagnosticIds.OverridesBuiltIn, info.Id);
        Assert.Equal("hardware 'h100-sxm' replaces the built-in document with that id", info.Message);
        Assert.Equal(24L * Bytes.GiB, result.Workspace!.Catalog.Hardware["h100-sxm"].Memory.Value);
    }

    [Fact]
    public void A_duplicate_id_is_reported_even_when_the_documents_have_other_errors()
    {
        // Both copies misspell a key: the run names both misspellings and the duplicate, not the misspellings alone.
        var broken = MyGpu.Replace("vendor: Acme", "vendr: Acme", StringComparison.Ordinal);
        var fs = Files(("/ws/catalog/z.yaml", broken));
        fs["/ws/catalog/gpus/my-gpu.yaml"] = broken;
        var errors = Load(fs).Diagnostics.Where(d => d.Severity == Severity.Error).ToList();
        Assert.Contains(errors, d => d.Id == DiagnosticIds.DuplicateId && d.Location.File == "catalog/z.yaml"
            && d.Message.StartsWith("hardware 'my-gpu' is defined twice; the first definition is in catalog/gpus/my-gpu.yaml", StringComparison.Ordinal));
        Assert.Equal(2, errors.Count(d => d.Id == DiagnosticIds.UnknownKey));
    }

    [Fact]
    public void Two_workspace_documents_with_one_id_are_an_error()
    {
        var d = SingleError(Load(Files(("/ws/catalog/z.yaml", MyGpu))));
        Assert.Equal(DiagnosticIds.DuplicateId, d.Id);
        Assert.Equal("hardware 'my-gpu' is defined twice; the first definition is in catalog/gpus/my-gpu.yaml line 1. Give one of them another id", d.Message);
        Assert.Equal("catalog/z.yaml", d.Location.File);
    }

    [Fact]
    public void A_scenario_in_a_catalog_folder_is_pointed_at_scenarios()
    {
        var d = SingleError(Load(Files(("/ws/catalog/s.yaml", Scenario))));
        Assert.Equal(DiagnosticIds.UnknownKind, d.Id);
        Assert.StartsWith("'kind' is 'scenario', which is not a catalog document kind; scenario documents belong in a path listed under 'scenarios:'", d.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("catalog/s.yaml", 1, 7), d.Location);
    }

    [Theory]
    [InlineData("id: x\nkind: model\n", "'kind' is 'model' but files listed under 'scenarios:' must be 'kind: scenario'; put catalog documents in a folder listed under 'catalog:'", 2, 7)]
    [InlineData("kind: \"Scenario\"\nid: x\n", "'kind' is 'Scenario' but files listed under 'scenarios:' must be 'kind: scenario'", 1, 7)]
    [InlineData("id: x\n", "a scenario document needs 'kind: scenario'", 1, 1)]
    [InlineData("kind: {a: scenario}\nid: x\n", "a scenario document needs 'kind: scenario'", 1, 1)]
    public void A_scenario_file_of_another_kind_is_an_error_at_its_kind(string text, string message, int line, int column)
    {
        var d = SingleError(Load(Files(("/ws/scenarios/other.yaml", text))));
        Assert.Equal(message.StartsWith("a scenario", StringComparison.Ordinal) ? DiagnosticIds.MissingField : DiagnosticIds.UnknownKind, d.Id);
        Assert.Equal(message, d.Message);
        Assert.Equal(new SourceLocation("scenarios/other.yaml", line, column), d.Location);
    }

    [Fact]
    public void A_quoted_scenario_kind_is_a_scenario()
    {
        var result = Load(Files(("/ws/scenarios/qwq.yaml", Scenario.Replace("kind: scenario", "kind: 'scenario'", StringComparison.Ordinal))));
        Assert.DoesNotContain(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("qwq-910b3", Assert.Single(result.Workspace!.Scenarios).Id);
    }

    [Fact]
    public void Overrides_layer_over_the_file()
    {
        var overrides = new Dictionary<string, string?>
        {
            ["BASELINES"] = "ci/baselines",
            ["rounding:significantDigits"] = "8",
            ["reports:formats"] = "markdown,junit",
        };
        var ws = Load(Files(), overrides).Workspace!;
        Assert.Equal("ci/baselines", ws.Settings.Baselines);
        Assert.Equal(8, ws.Settings.SignificantDigits);
        Assert.Equal(["markdown", "junit"], ws.Settings.ReportFormats);
        Assert.Equal(WorkspaceSettingsReader.OverrideLocation, ws.Settings.KeyLocations["baselines"]);
    }

    [Fact]
    public void Bad_overrides_are_reported()
    {
        var result = Load(Files(), new Dictionary<string, string?> { ["baseline"] = "x", ["rounding:significantDigits"] = "zero" });
        Assert.Collection(
            result.Diagnostics,
            d => Assert.Equal("perfgate: error PG2014: unknown setting 'baseline' (did you mean 'baselines'?). Settings that may be overridden: 'baselines', 'rounding:significantDigits', 'reports:directory', 'reports:formats'", d.ToCanonicalString()),
            d => Assert.Equal("setting 'rounding:significantDigits' is 'zero'; it must be a whole number from 1 to 17", d.Message));
    }

    [Fact]
    public void Hostile_files_are_refused_before_reading()
    {
        var fs = Files();
        fs.Add("/ws/scenarios/big.yaml", new byte[(1 << 20) + 1]);
        var d = SingleError(Load(fs));
        Assert.Equal(DiagnosticIds.HostileInput, d.Id);
        Assert.Equal("scenarios/big.yaml", d.Location.File);
    }

    [Fact]
    public void Settings_keys_are_strict()
    {
        var d = SingleError(Load(Files(("/ws/perfgate.yaml", Settings + "\nscenario: [x]\n"))));
        Assert.Equal(DiagnosticIds.UnknownKey, d.Id);
        Assert.StartsWith("unknown key 'scenario' in perfgate.yaml (did you mean 'scenarios'?)", d.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("perfgate.yaml", 13, 1), d.Location);
    }

    [Fact]
    public void Accepted_differences_and_fail_on_regressions_are_read_with_located_errors()
    {
        var yaml = "tolerances:\n  - metric: decode.*\n    fail: regressions\naccepted:\n  - scenario: qwq-*\n    metric: decode.step_time\n    reason: new kernel tables\n    expires: 2026-12-31\n  - metric: x\n    reason: \" \"\n    expires: 31.12.2026\n";
        var result = Load(Files(("/ws/perfgate.yaml", yaml)));
        Assert.Collection(
            result.Diagnostics.Where(d => d.Severity == Severity.Error),
            d => Assert.Equal("perfgate.yaml(10,13): error PG2005: 'accepted[1].reason' is blank; say why this difference is accepted (a reviewer reads it in every report)", d.ToCanonicalString()),
            d => Assert.Equal("perfgate.yaml(11,14): error PG2005: 'accepted[1].expires' is '31.12.2026'; write a date as YYYY-MM-DD, e.g. 2026-12-31", d.ToCanonicalString()));

        var ok = Load(Files(("/ws/perfgate.yaml", yaml[..yaml.IndexOf("  - metric: x", StringComparison.Ordinal)])));
        Assert.False(ok.HasErrors, string.Join('\n', ok.Diagnostics));
        var settings = ok.Workspace!.Settings;
        Assert.Equal(PerfGate.Gate.ToleranceFailOn.Regressions, Assert.Single(settings.Tolerances).FailOn);
        var accepted = Assert.Single(settings.Accepted);
        Assert.Equal(("qwq-*", "decode.step_time", "new kernel tables", new DateOnly(2026, 12, 31)), (accepted.Scenario, accepted.Metric, accepted.Reason, accepted.Expires!.Value));
    }

    [Fact]
    public void Tolerances_need_a_bound_and_a_valid_percentage()
    {
        var result = Load(Files(("/ws/perfgate.yaml", "tolerances:\n  - metric: a\n  - metric: b\n    relative: 5 %%\n")));
        Assert.Collection(
            result.Diagnostics,
            d => Assert.Equal(("'tolerances[0]' needs 'relative' (e.g. \"0.5%\" or 0.005) and/or 'absolute' (in the metric's unit), or 'fail: regressions'", 2), (d.Message, d.Location.Line)),
            d => Assert.Equal(("'tolerances[1].relative' is '5 %%'; write a percentage such as \"0.5%\" or a fraction such as 0.005", 4), (d.Message, d.Location.Line)));
    }

    [Fact]
    public void Calibration_tables_of_workspace_hardware_are_resolved_checked_and_hashed()
    {
        var measured = MyGpu.Replace("efficiency: roofline", "efficiency: measured\ncalibration: ../../tables/my-gpu", StringComparison.Ordinal);
        var fs = Files(("/ws/catalog/gpus/my-gpu.yaml", measured), ("/ws/tables/my-gpu/gemm.csv", "m,n,k\n"));
        var result = Load(fs);
        Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
        Assert.Equal("/ws/tables/my-gpu", result.Workspace!.Catalog.Hardware["my-gpu"].CalibrationTables);
        Assert.Contains(result.Workspace.Inputs, i => i.RelativePath == "tables/my-gpu/gemm.csv" && i.Kind == WorkspaceInputKind.CalibrationTable);

        var escaping = Load(Files(("/ws/catalog/gpus/my-gpu.yaml", measured.Replace("../../tables", "../../../tables", StringComparison.Ordinal))));
        Assert.Equal(DiagnosticIds.PathEscapesWorkspace, SingleError(escaping).Id);
    }

    [Fact]
    public void The_physical_file_system_loads_the_same_way()
    {
        var dir = Directory.CreateTempSubdirectory("perfgate-ws-");
        try
        {
            Directory.CreateDirectory(Path.Combine(dir.FullName, "scenarios", "mindie"));
            File.WriteAllText(Path.Combine(dir.FullName, "perfgate.yaml"), "scenarios: ['scenarios/**/*.yaml']\n");
            File.WriteAllText(Path.Combine(dir.FullName, "scenarios", "qwq.yaml"), Scenario);
            File.WriteAllText(Path.Combine(dir.FullName, "scenarios", "mindie", "config.json"), "{}");
            var result = WorkspaceLoader.Load(PhysicalFileSystem.Instance, dir.FullName);
            Assert.False(result.HasErrors, string.Join('\n', result.Diagnostics));
            Assert.Equal("qwq-910b3", Assert.Single(result.Workspace!.Scenarios).Id);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
