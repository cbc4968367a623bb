using System.Globalization;
using System.Text.Json;
using PerfGate.Tests.Snapshots;

namespace PerfGate.Tests.Memory;

public sealed class MemoryCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("perfgate-memory-").FullName;

    public MemoryCommandTests()
    {
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Memory", "Fixtures", "mindie-qwq32b-npumem8.json"), Path.Combine(_dir, "config.json"));
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private (int Code, string Out, string Err) Run(params string[] args) => AppHarness.Run(_dir, null, ["memory", .. args]);

    private void WriteConfig(Func<string, string> edit) =>
        File.WriteAllText(Path.Combine(_dir, "config.json"), edit(File.ReadAllText(Path.Combine(_dir, "config.json"))));

    [Fact]
    public void Seed_003_config_prints_the_table_and_warns_at_the_config_lines()
    {
        var (code, output, err) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--input-tokens", "60", "--output-tokens", "512");
        Assert.Equal(0, code);
        SnapshotAssert.Matches(output, "seed003-npumem8-table", "txt");
        Assert.Contains("config.json(100,7): warning PG4002: maxBatchSize 200 is above the 51 worst-case requests", err, StringComparison.Ordinal);
        Assert.Contains("config.json(79,11): warning PG4004: npuMemSize 8 is read as GiB", err, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_degree_on_the_command_line_is_blamed_on_the_option_not_the_config_it_overrides()
    {
        var (code, _, err) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--cards", "-1");
        Assert.Equal(2, code);
        Assert.Contains("perfgate: error PG2014: --cards -1: give 1 or more\n", err, StringComparison.Ordinal);
        Assert.DoesNotContain("config.json(77", err, StringComparison.Ordinal);
    }

    [Fact]
    public void No_npuMemSize_fits_says_so_instead_of_advising_a_negative_size()
    {
        var (code, output, _) = Run("--model", "deepseek-v3", "--hardware", "ascend-910b3", "--cards", "4");
        Assert.Equal(1, code);
        Assert.Contains("npuMemSize advice:  none fits: weights, runtime and system leave no whole GiB for the KV cache", output, StringComparison.Ordinal);
        Assert.DoesNotContain("advice:  -", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Table_is_the_same_under_a_german_culture()
    {
        var invariant = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3").Out;
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            Assert.Equal(invariant, Run("--mindie-config", "config.json", "--hardware", "ascend-910b3").Out);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void Json_carries_the_per_card_components_blocks_and_verdict()
    {
        // Seed 003 with npuMemSize 8 (see PerfGate.Core.Tests Seed003Tests for the arithmetic).
        var (code, output, _) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        var memory = doc.RootElement.GetProperty("memory");
        var card = memory.GetProperty("perCard")[0];
        Assert.Equal(4, memory.GetProperty("perCard").GetArrayLength());
        Assert.Equal(16_382_928_896, card.GetProperty("weightsBytes").GetInt64());
        Assert.Equal(8_589_934_592, card.GetProperty("kvCacheBytes").GetInt64());
        Assert.Equal(750_813_184, card.GetProperty("runtimeBytes").GetInt64());
        Assert.Equal(268_435_456, card.GetProperty("communicationBytes").GetInt64());
        Assert.Equal(3_520_069_632, card.GetProperty("systemBytes").GetInt64());
        Assert.Equal(29_512_181_760, card.GetProperty("totalBytes").GetInt64());
        Assert.Equal(68_719_476_736, card.GetProperty("capacityBytes").GetInt64());
        Assert.Equal(1024, memory.GetProperty("kvBlocks").GetInt64());
        Assert.Equal(51, memory.GetProperty("safeMaxBatchSize").GetInt64());
        Assert.Equal(31, memory.GetProperty("recommendedNpuMemSizeGiB").GetProperty("totalTimesFraction").GetInt32());
        Assert.Equal(35, memory.GetProperty("recommendedNpuMemSizeGiB").GetProperty("freeTimesFactor").GetInt32());
        Assert.Equal("preemption-risk", memory.GetProperty("verdict").GetString());
        Assert.Contains(doc.RootElement.GetProperty("diagnostics").EnumerateArray(), d => d.GetProperty("id").GetString() == "PG4002" && d.GetProperty("line").GetInt32() == 100);
    }

    [Fact]
    public void Auto_npuMemSize_from_the_command_line_fits()
    {
        var (code, output, _) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--npu-mem-size", "-1", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(4059, doc.RootElement.GetProperty("memory").GetProperty("kvBlocks").GetInt64());
        Assert.Equal("fits", doc.RootElement.GetProperty("memory").GetProperty("verdict").GetString());
    }

    [Fact]
    public void Npu_memory_fraction_comes_from_the_environment_like_mindie()
    {
        // NPU_MEMORY_FRACTION 0.9 with -1: floor(68,719,476,736 * 0.9) - 20,922,247,168 = 40,925,281,894 B -> 4,878 blocks of 8 MiB.
        var env = new Dictionary<string, string> { ["NPU_MEMORY_FRACTION"] = "0.9" };
        var (code, output, _) = AppHarness.Run(_dir, env, "memory", "--mindie-config", "config.json", "--hardware", "ascend-910b3", "--npu-mem-size", "-1", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(4878, doc.RootElement.GetProperty("memory").GetProperty("kvBlocks").GetInt64());
    }

    [Fact]
    public void Npu_mem_size_zero_in_the_config_is_bad_input_at_its_line()
    {
        WriteConfig(t => t.Replace("\"npuMemSize\" : 8", "\"npuMemSize\" : 0", StringComparison.Ordinal));
        var (code, _, err) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3");
        Assert.Equal(2, code);
        Assert.Contains("config.json(79,11): error PG4003: npuMemSize 0 is invalid", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_config_is_bad_input_with_line_and_column()
    {
        WriteConfig(t => t.Replace("\"maxBatchSize\" : 200,", "\"maxBatchSize\" : 200", StringComparison.Ordinal));
        var (code, output, err) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.StartsWith("config.json(101,7): error PG4005: not valid JSON:", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_large_npu_mem_size_is_an_out_of_memory_finding_exit_1()
    {
        var (code, _, err) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--npu-mem-size", "50");
        Assert.Equal(1, code);
        Assert.Contains("error PG4001: card 0 needs 69.49 GiB", err, StringComparison.Ordinal);
        Assert.Contains("over by 5.49 GiB", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_hardware_lists_the_known_cards()
    {
        var (code, _, err) = Run("--mindie-config", "config.json");
        Assert.Equal(2, code);
        Assert.Contains("perfgate: error PG2003: --hardware is required: the card (MindIE's config.json does not name it); one of", err, StringComparison.Ordinal);
        Assert.Contains("ascend-910b3", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_config_file_is_bad_input()
    {
        var (code, _, err) = Run("--mindie-config", "nope.json", "--hardware", "ascend-910b3");
        Assert.Equal(2, code);
        Assert.Contains("nope.json: error PG2010: file not found; pass the path of MindIE's config.json (--mindie-config)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_that_cannot_fit_is_a_finding_exit_1_not_bad_input()
    {
        var (code, _, err) = Run("--model", "qwen2-72b", "--hardware", "ascend-910b3", "--tp", "1");
        Assert.Equal(1, code);
        Assert.Contains("error PG4006: qwen2-72b does not fit on ascend-910b3 with 1 card(s)", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Vllm_budget_from_options_only()
    {
        // Llama-3-8B on one H100 at 0.9 (see PerfGate.Core.Tests EngineConventionTests): 28,518 blocks of 16 tokens.
        var (code, output, _) = Run("--model", "llama-3-8b", "--hardware", "h100-sxm", "--engine", "vllm", "--memory-fraction", "0.9",
            "--cache-block-size", "16", "--max-seq-len", "8192", "--max-input-token-len", "4096", "--max-iter-times", "4096", "--max-batch-size", "256", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(28_518, doc.RootElement.GetProperty("memory").GetProperty("kvBlocks").GetInt64());
        Assert.Equal("vllm", doc.RootElement.GetProperty("memory").GetProperty("engine").GetString());
    }

    [Theory]
    [InlineData("tensorrt-llm")]
    [InlineData("trtllm")]
    [InlineData("TRTLLM")]
    public void Tensorrt_llm_is_the_canonical_engine_id_and_trtllm_an_alias(string spelling)
    {
        var (code, output, err) = Run("--model", "llama-3-8b", "--hardware", "h100-sxm", "--engine", spelling, "--json");
        Assert.True(code == 0, err);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal("tensorrt-llm", doc.RootElement.GetProperty("memory").GetProperty("engine").GetString());
    }

    [Fact]
    public void An_unknown_engine_lists_the_canonical_ids()
    {
        var (code, _, err) = Run("--model", "llama-3-8b", "--hardware", "h100-sxm", "--engine", "tensorrt");
        Assert.Equal(2, code);
        Assert.Contains("perfgate: error PG2014: --engine: 'tensorrt' is not valid; use one of mindie, vllm, sglang, tensorrt-llm", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_is_written_atomically_and_matches_the_snapshot()
    {
        var (code, _, _) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--npu-mem-size", "-1", "--svg", "budget.svg");
        Assert.Equal(0, code);
        Assert.Equal(["budget.svg", "config.json"], Directory.GetFiles(_dir).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        SnapshotAssert.Matches(File.ReadAllText(Path.Combine(_dir, "budget.svg")), "seed003-auto-cli", "svg");
    }

    [Fact]
    public void Bad_fraction_names_the_valid_form()
    {
        var (code, _, err) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--npu-memory-fraction", "0,9");
        Assert.Equal(2, code);
        Assert.Contains("--npu-memory-fraction '0,9' must be a number in (0, 1] written with '.', e.g. 0.8", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Model_config_reads_the_huggingface_config_and_gives_the_catalog_figures()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "QwQ-32B"));
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Memory", "Fixtures", "qwq-32b.config.json"), Path.Combine(_dir, "QwQ-32B", "config.json"));
        var (code, output, err) = Run("--mindie-config", "config.json", "--model-config", "QwQ-32B/config.json", "--hardware", "ascend-910b3", "--json");
        Assert.Equal(0, code);
        Assert.DoesNotContain("error", err, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(output);
        var memory = doc.RootElement.GetProperty("memory");
        Assert.Equal("qwq-32b", memory.GetProperty("model").GetString());
        Assert.Equal(16_382_928_896, memory.GetProperty("perCard")[0].GetProperty("weightsBytes").GetInt64());
        Assert.Equal(1024, memory.GetProperty("kvBlocks").GetInt64());
    }

    [Fact]
    public void Model_and_model_config_together_are_a_usage_error()
    {
        var (code, _, err) = Run("--mindie-config", "config.json", "--model", "qwq-32b", "--model-config", "x.json", "--hardware", "ascend-910b3");
        Assert.Equal(2, code);
        Assert.Contains("--model and --model-config both name the model; pass one", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_of_the_workspace_is_budgeted_with_its_mindie_config()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "scenarios", "mindie"));
        File.Move(Path.Combine(_dir, "config.json"), Path.Combine(_dir, "scenarios", "mindie", "config.json"));
        File.WriteAllText(Path.Combine(_dir, "perfgate.yaml"), "scenarios:\n  - scenarios/*.yaml\nbaselines: baselines\n");
        File.WriteAllText(Path.Combine(_dir, "scenarios", "qwq.yaml"), "kind: scenario\nid: qwq-910b3\nmodel: qwq-32b\nhardware: ascend-910b3\ncards: 4\nparallelism: {tp: 4}\nmemory:\n  mindieConfig: mindie/config.json\n");
        var (code, output, err) = Run("--scenario", "qwq-910b3", "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(output);
        Assert.Equal(1024, doc.RootElement.GetProperty("memory").GetProperty("kvBlocks").GetInt64());
        Assert.Contains("scenarios/mindie/config.json(100,7): warning PG4002", err, StringComparison.Ordinal);

        var unknown = Run("--scenario", "qwq", "--json");
        Assert.Equal(2, unknown.Code);
        Assert.Contains("--scenario 'qwq' is not in the workspace; its scenarios: qwq-910b3", unknown.Err, StringComparison.Ordinal);
    }

    [Fact]
    public void Svg_into_a_missing_folder_creates_it_like_every_other_output()
    {
        var (code, _, _) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--svg", "no/such/dir/budget.svg");
        Assert.Equal(0, code);
        Assert.Equal(["budget.svg"], Directory.GetFiles(Path.Combine(_dir, "no", "such", "dir")).Select(Path.GetFileName));
    }

    [Fact]
    public void Svg_onto_a_folder_or_under_a_file_is_bad_input_and_leaves_nothing_behind()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "out.svg"));
        var (code, _, err) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--svg", "out.svg");
        Assert.Equal(2, code);
        Assert.Contains("out.svg: error PG2017: --svg: this is a folder; name a file to write", err, StringComparison.Ordinal);

        (code, _, err) = Run("--mindie-config", "config.json", "--hardware", "ascend-910b3", "--svg", "config.json/budget.svg");
        Assert.Equal(2, code);
        Assert.Contains("config.json/budget.svg: error PG2017: --svg: cannot write the file: ", err, StringComparison.Ordinal);
        Assert.Equal(["config.json"], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Empty(Directory.GetFiles(Path.Combine(_dir, "out.svg")));
    }
}
