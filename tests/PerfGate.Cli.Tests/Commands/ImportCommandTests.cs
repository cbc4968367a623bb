namespace PerfGate.Tests.Commands;

public sealed class ImportCommandTests
{
    internal const string LlamaConfig = """
        {
          "_name_or_path": "meta-llama/Meta-Llama-3-8B",
          "hidden_size": 4096,
          "intermediate_size": 14336,
          "model_type": "llama",
          "num_attention_heads": 32,
          "num_hidden_layers": 32,
          "num_key_value_heads": 8,
          "tie_word_embeddings": false,
          "vocab_size": 128256
        }
        """;

    [Fact]
    public void Import_writes_model_yaml_to_the_console()
    {
        using var dir = new TempDirectory();
        dir.Write("config.json", LlamaConfig);
        var (code, output, error) = AppHarness.RunIn(dir.Path, "import", "hf", "config.json", "--id", "llama-3-8b");
        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.StartsWith("kind: model\nid: llama-3-8b\nname: \"meta-llama/Meta-Llama-3-8B\"\nfamily: llama\n", output, StringComparison.Ordinal);
        Assert.Contains("hiddenSize: 4096\n", output, StringComparison.Ordinal);
        Assert.Contains("sources:\n  headDim: \"hidden_size / num_attention_heads (config.json has no head_dim)\"\n", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Import_to_a_file_round_trips_through_a_workspace()
    {
        using var dir = new TempDirectory();
        dir.Write("config.json", LlamaConfig);
        var (code, output, _) = AppHarness.RunIn(dir.Path, "import", "hf", "config.json", "--output", "catalog/models/mine.yaml", "--id", "my-llama", "--source", "https://huggingface.co/meta-llama/Meta-Llama-3-8B");
        Assert.Equal(0, code);
        Assert.Equal("perfgate: wrote model 'my-llama' (8,030,261,248 parameters) to catalog/models/mine.yaml\n", output);
        Assert.Empty(Directory.GetFiles(Path.Combine(dir.Path, "catalog", "models"), "*.tmp"));

        dir.Write("perfgate.yaml", "catalog: [catalog]\n");
        var (showCode, json, _) = AppHarness.RunIn(dir.Path, "catalog", "show", "my-llama", "--json");
        Assert.Equal(0, showCode);
        Assert.Contains("\"parameters\": 8030261248,", json, StringComparison.Ordinal);
        Assert.Contains("\"layers\": \"https://huggingface.co/meta-llama/Meta-Llama-3-8B\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_model_type_is_a_located_error_with_exit_2()
    {
        using var dir = new TempDirectory();
        dir.Write("config.json", "{\n  \"model_type\": \"gpt2\"\n}\n");
        var (code, output, error) = AppHarness.RunIn(dir.Path, "import", "hf", "config.json", "--id", "x");
        Assert.Equal(2, code);
        Assert.Equal(string.Empty, output);
        Assert.Equal("config.json(2,17): error PG2013: model_type 'gpt2' is not supported. Supported model types: 'llama', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'deepseek_v2', 'deepseek_v3'\n", error);
    }

    [Fact]
    public void A_missing_file_is_exit_2()
    {
        var (code, _, error) = AppHarness.RunIn(Path.GetTempPath(), "import", "hf", "no-such-config.json");
        Assert.Equal(2, code);
        Assert.Equal("no-such-config.json: error PG2010: file not found; pass the path of a HuggingFace config.json\n", error);
    }
}
