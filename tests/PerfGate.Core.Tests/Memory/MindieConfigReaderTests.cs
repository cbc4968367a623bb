using PerfGate.Diagnostics;
using PerfGate.Memory;
using static PerfGate.Tests.Memory.MemoryFixtures;

namespace PerfGate.Tests.Memory;

public sealed class MindieConfigReaderTests
{
    private const string File = "config.json";

    internal static string Fixture(string name) => System.IO.File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Memory", "Fixtures", name));

    [Fact]
    public void Reads_the_seed_003_config_with_every_key_located()
    {
        var result = MindieConfigReader.Read(Fixture("mindie-qwq32b-npumem8.json"), File);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        var c = result.Config!;
        Assert.Equal(4, c.WorldSize);
        Assert.Equal(4, c.NpuDeviceCount);
        Assert.Equal(8, c.NpuMemSize);
        Assert.Equal("atb", c.BackendType);
        Assert.Equal(2560, c.MaxSeqLen);
        Assert.Equal(1, c.MaxPrefillBatchSize);
        Assert.Equal(200, c.MaxBatchSize);
        Assert.Equal(new SourceLocation(File, 79, 11), c.LocationOf("npuMemSize"));
        Assert.Equal(new SourceLocation(File, 100, 7), c.LocationOf("maxBatchSize"));
        Assert.Equal(4, c.EffectiveTp);
    }

    [Fact]
    public void Seed_003_config_with_npuMemSize_8_warns_at_maxBatchSize_line()
    {
        var config = MindieConfigReader.Read(Fixture("mindie-qwq32b-npumem8.json"), File).Config!;
        var budget = MemoryBudgetCalculator.Compute(MindieConfigMapping.ToRequest(config, QwQ32B, Ascend910B3));
        Assert.Equal(MemoryVerdict.PreemptionRisk, budget.Verdict);
        Assert.Equal(1024, budget.KvBlocks);
        var d = Assert.Single(budget.Diagnostics, d => d.Id == DiagnosticIds.PreemptionRisk);
        Assert.StartsWith("config.json(100,7): warning PG4002: maxBatchSize 200 is above the 51 worst-case requests", d.ToCanonicalString(), StringComparison.Ordinal);
        Assert.Contains(budget.Diagnostics, d => d.Id == DiagnosticIds.DocumentationDisagreesWithCode && d.Location == new SourceLocation(File, 79, 11));
    }

    [Fact]
    public void Malformed_json_reports_file_line_and_column()
    {
        var text = "{\n  \"BackendConfig\": {\n    \"npuDeviceIds\": [[0,1]]\n    \"modelInstanceNumber\": 1\n  }\n}\n";
        var result = MindieConfigReader.Read(text, File);
        Assert.Null(result.Config);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.MindieConfigSyntax, d.Id);
        Assert.Equal(4, d.Location.Line);
        Assert.StartsWith("config.json(4,5): error PG4005: not valid JSON:", d.ToCanonicalString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_located_at_its_second_copy()
    {
        var text = "{\n  \"BackendConfig\": {\n    \"npuMemSize\": 8,\n    \"npuMemSize\": 35\n  }\n}\n";
        var result = MindieConfigReader.Read(text, File);
        Assert.Null(result.Config);
        Assert.Equal(
            "config.json(4,5): error PG4005: 'npuMemSize' is given twice in this object (first at line 3); keep one: JSON readers disagree on which copy wins",
            Assert.Single(result.Diagnostics).ToCanonicalString());
    }

    [Fact]
    public void Wrong_type_points_at_the_key()
    {
        var text = Fixture("mindie-qwq32b-npumem8.json").Replace("\"maxBatchSize\" : 200", "\"maxBatchSize\" : \"200\"", StringComparison.Ordinal);
        var result = MindieConfigReader.Read(text, File);
        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("config.json(100,7): error PG2004: BackendConfig.ScheduleConfig.maxBatchSize must be an unsigned integer, got the string \"200\"", d.ToCanonicalString());
    }

    [Fact]
    public void Missing_schedule_config_is_an_error_and_returns_no_config()
    {
        var text = "{ \"BackendConfig\": { \"ModelDeployConfig\": { \"ModelConfig\": [ { \"worldSize\": 1 } ] } } }";
        var result = MindieConfigReader.Read(text, File);
        Assert.Null(result.Config);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.MissingField, d.Id);
        Assert.Equal("config.json(1,20): error PG2003: BackendConfig has no ScheduleConfig; MindIE needs it (see its shipped config.json)", d.ToCanonicalString());
    }

    [Fact]
    public void Missing_memory_keys_say_which_default_applies()
    {
        var text = "{ \"BackendConfig\": { \"ModelDeployConfig\": { \"ModelConfig\": [ { \"worldSize\": 1 } ] }, \"ScheduleConfig\": { } } }";
        var result = MindieConfigReader.Read(text, File);
        Assert.NotNull(result.Config);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Info && d.Message == "ModelConfig has no npuMemSize; MindIE uses its default -1 (automatic)");
        Assert.Contains(result.Diagnostics, d => d.Message == "ScheduleConfig has no maxBatchSize; MindIE uses its default 200");
    }

    [Fact]
    public void NpuMemSize_zero_is_reported_at_its_line()
    {
        var text = Fixture("mindie-qwq32b-npumem8.json").Replace("\"npuMemSize\" : 8", "\"npuMemSize\" : 0", StringComparison.Ordinal);
        var config = MindieConfigReader.Read(text, File).Config!;
        var budget = MemoryBudgetCalculator.Compute(MindieConfigMapping.ToRequest(config, QwQ32B, Ascend910B3));
        Assert.Equal(MemoryVerdict.InvalidConfig, budget.Verdict);
        var d = Assert.Single(budget.Diagnostics);
        Assert.Equal(new SourceLocation(File, 79, 11), d.Location);
        Assert.Equal(DiagnosticIds.EngineParameterOutOfRange, d.Id);
    }

    [Fact]
    public void World_size_must_match_the_device_list()
    {
        var text = Fixture("mindie-qwq32b-npumem8.json").Replace("[[4,5,6,7]]", "[[4,5]]", StringComparison.Ordinal);
        var result = MindieConfigReader.Read(text, File);
        var d = Assert.Single(result.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal("config.json(77,11): error PG4003: worldSize 4 does not match the 2 NPU(s) in npuDeviceIds; set worldSize to 2 or list 4 device ids", d.ToCanonicalString());
    }

    [Fact]
    public void Plugin_params_with_mtp_adds_speculative_tokens()
    {
        var text = Fixture("mindie-qwq32b-npumem8.json").Replace("\"trustRemoteCode\" : false", "\"trustRemoteCode\" : false, \"plugin_params\" : \"{\\\"plugin_type\\\":\\\"mtp\\\",\\\"num_speculative_tokens\\\":1}\"", StringComparison.Ordinal);
        var result = MindieConfigReader.Read(text, File);
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.Equal(1, result.Config!.SpeculativeTokens);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        // "模型" is 6 UTF-8 bytes but 2 characters: the key "npuMemSize" starts at character 73 of line 1 (byte 77).
        var text = "{\"BackendConfig\":{\"ModelDeployConfig\":{\"ModelConfig\":[{\"modelName\":\"模型\",\"npuMemSize\":-3}]},\"ScheduleConfig\":{}}}";
        var config = MindieConfigReader.Read(text, File).Config!;
        Assert.Equal(new SourceLocation(File, 1, 73), config.LocationOf("npuMemSize"));
    }

    [Theory]
    [InlineData("", "config.json(1,1): error PG4005: the file is empty")]
    [InlineData("[1,2]", "config.json(1,1): error PG2004: the top level is an array")]
    [InlineData("{\"BackendConfig\": 3}", "config.json(1,2): error PG2004: BackendConfig must be an object, got the number 3")]
    public void Hopeless_files_give_one_clear_error(string text, string expected)
    {
        var result = MindieConfigReader.Read(text, File);
        Assert.Null(result.Config);
        Assert.StartsWith(expected, Assert.Single(result.Diagnostics).ToCanonicalString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Mindie_only_checks_flag_preemption_without_host_memory_and_bad_backend()
    {
        var text = Fixture("mindie-qwq32b-npumem8.json")
            .Replace("\"maxPreemptCount\" : 0", "\"maxPreemptCount\" : 4", StringComparison.Ordinal)
            .Replace("\"cpuMemSize\" : 5", "\"cpuMemSize\" : 0", StringComparison.Ordinal)
            .Replace("\"backendType\" : \"atb\"", "\"backendType\" : \"mindspore\"", StringComparison.Ordinal);
        var errors = MindieConfigReader.Read(text, File).Diagnostics.Where(d => d.Severity == Severity.Error).Select(d => d.Message).ToList();
        Assert.Contains("backendType \"mindspore\" is not one of atb, torch, ms", errors);
        Assert.Contains("maxPreemptCount 4 swaps preempted KV to host memory, so cpuMemSize must be greater than 0 (GiB)", errors);
    }

    [Fact]
    public void Garbage_bytes_and_deep_nesting_are_syntax_errors_not_crashes()
    {
        var garbage = MindieConfigReader.Read([0x7B, 0x22, 0xFF, 0xFE, 0x22, 0x3A, 0x31, 0x7D], File);
        Assert.Equal(DiagnosticIds.MindieConfigSyntax, Assert.Single(garbage.Diagnostics).Id);
        var deep = MindieConfigReader.Read(new string('[', 500) + new string(']', 500), File);
        Assert.Equal(DiagnosticIds.MindieConfigSyntax, Assert.Single(deep.Diagnostics).Id);
        var fraction = MindieConfigReader.Read(Fixture("mindie-qwq32b-npumem8.json").Replace("\"maxIterTimes\" : 512", "\"maxIterTimes\" : 5.5e2", StringComparison.Ordinal), File);
        Assert.Contains(fraction.Diagnostics, d => d.Message == "BackendConfig.ScheduleConfig.maxIterTimes must be a whole number, got 5.5e2");
    }

    [Fact]
    public void A_model_without_kv_heads_is_invalid_not_a_division_by_zero()
    {
        var b = MemoryBudgetCalculator.Compute(Seed003Tests.Seed(8) with { Model = QwQ32B with { HeadDim = 0 } });
        Assert.Equal(MemoryVerdict.InvalidConfig, b.Verdict);
        Assert.Contains("has no KV cache to budget", Assert.Single(b.Diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Mangled_configs_never_throw()
    {
        // 300 deterministic mutations of the fixture (a span deleted, a digit replaced by a quote or minus sign): reading and
        // budgeting must always end in a result with diagnostics, never an exception.
        var text = Fixture("mindie-qwq32b-npumem8.json");
        var random = new Random(4);
        for (var i = 0; i < 300; i++)
        {
            var at = random.Next(text.Length);
            var mangled = (i % 3) switch
            {
                0 => text.Remove(at, Math.Min(random.Next(1, 40), text.Length - at)),
                1 => text[..at] + "\"" + text[(at + 1)..],
                _ => text[..at] + "-" + text[(at + 1)..],
            };
            var result = MindieConfigReader.Read(mangled, File);
            if (result.Config is { } config)
            {
                var budget = MemoryBudgetCalculator.Compute(MindieConfigMapping.ToRequest(config, QwQ32B, Ascend910B3));
                Assert.NotNull(budget.Diagnostics);
            }
            else
            {
                Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Error);
            }
        }
    }
}
