using PerfGate.Catalog;
using PerfGate.Diagnostics;

namespace PerfGate.Tests.Catalog;

public sealed class HuggingFaceConfigReaderTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Catalog", "HuggingFace", name));

    [Theory]
    [InlineData("llama-3-8b.config.json", "llama-3-8b", 8_030_261_248)]
    [InlineData("qwq-32b.config.json", "qwq-32b", 32_763_876_352)]
    [InlineData("qwen2-57b-a14b.config.json", "qwen2-57b-a14b", 57_408_658_944)]
    [InlineData("deepseek-v3.config.json", "deepseek-v3", 671_026_419_200)]
    [InlineData("qwen3-30b-a3b.config.json", "qwen3-30b-a3b", 30_532_122_624)]
    public void A_config_becomes_the_same_architecture_as_the_built_in(string fixture, string id, long parameters)
    {
        var result = HuggingFaceConfigReader.Read(Fixture(fixture), fixture, id);
        Assert.Empty(result.Diagnostics);
        var model = result.Model!;
        var builtIn = BuiltInCatalog.Load().Models[id];
        Assert.Equal(Architecture(builtIn), Architecture(model));
        Assert.Equal(parameters, ModelParameters.Total(model));
    }

    [Theory]
    [InlineData("llama-3-8b.config.json", "llama-3-8b")]
    [InlineData("qwen2-57b-a14b.config.json", "qwen2-57b-a14b")]
    [InlineData("deepseek-v3.config.json", "deepseek-v3")]
    [InlineData("qwen3-30b-a3b.config.json", "qwen3-30b-a3b")]
    public void The_written_yaml_reads_back_as_a_valid_document_with_sources(string fixture, string id)
    {
        var model = HuggingFaceConfigReader.Read(Fixture(fixture), fixture, id).Model!;
        var yaml = ModelYamlWriter.Write(model);
        var (document, diagnostics) = CatalogDocumentReader.Load(yaml, "imported.yaml", null);
        Assert.Empty(diagnostics);
        Assert.Equal(Architecture(model), Architecture(document!.Model!));
        Assert.StartsWith("HuggingFace config.json (", document.Model!.Sources.For("layers"), StringComparison.Ordinal);
        Assert.Equal(yaml, ModelYamlWriter.Write(document.Model));
    }

    [Fact]
    public void The_id_is_derived_from_name_or_path()
    {
        var result = HuggingFaceConfigReader.Read(Fixture("llama-3-8b.config.json"), "config.json");
        Assert.Equal("meta-llama-3-8b", result.Model!.Id);
        Assert.Equal("meta-llama/Meta-Llama-3-8B", result.Model.Name);
        Assert.Equal("qwq-32b", HuggingFaceConfigReader.DeriveId("Qwen/QwQ-32B"));
    }

    [Fact]
    public void Without_name_or_path_an_id_is_required()
    {
        var result = HuggingFaceConfigReader.Read(Fixture("qwq-32b.config.json"), "config.json");
        Assert.Null(result.Model);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("cannot tell the model's id (config.json has no '_name_or_path'); pass --id, e.g. --id qwq-32b", d.Message);
        Assert.Equal(new SourceLocation("config.json", 1, 1), d.Location);
    }

    [Fact]
    public void An_unknown_model_type_lists_the_supported_ones_at_its_position()
    {
        var result = HuggingFaceConfigReader.Read("{\n  \"hidden_size\": 4096,\n  \"model_type\": \"mixtral\"\n}\n", "c.json", "x");
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticIds.UnknownKind, d.Id);
        Assert.Equal("model_type 'mixtral' is not supported. Supported model types: 'llama', 'qwen2', 'qwen2_moe', 'qwen3', 'qwen3_moe', 'deepseek_v2', 'deepseek_v3'", d.Message);
        Assert.Equal(new SourceLocation("c.json", 3, 17), d.Location);
    }

    [Fact]
    public void Missing_and_wrong_values_are_each_reported()
    {
        var json = "{\"model_type\": \"llama\", \"num_hidden_layers\": \"32\", \"hidden_size\": 4096,\n \"num_attention_heads\": 0, \"vocab_size\": 1000}";
        var result = HuggingFaceConfigReader.Read(json, "c.json", "x");
        Assert.Null(result.Model);
        Assert.Collection(
            result.Diagnostics,
            d => Assert.Equal(("'num_hidden_layers' must be a whole number, not \"32\"", 1, 46), (d.Message, d.Location.Line, d.Location.Column)),
            d => Assert.Equal(("'num_attention_heads' is 0; it must be at least 1", 2, 25), (d.Message, d.Location.Line, d.Location.Column)),
            d => Assert.Equal("config.json has no 'intermediate_size', which a model of this type needs", d.Message));
    }

    [Theory]
    [InlineData("1099511627776", "'num_hidden_layers' is 1099511627776, which is out of range; it must be a whole number from 1 to 2147483647")]
    [InlineData("1e308", "'num_hidden_layers' is 1e308, which is out of range; it must be a whole number from 1 to 2147483647")]
    [InlineData("32.5", "'num_hidden_layers' must be a whole number, not 32.5")]
    public void Whole_numbers_too_large_for_the_model_say_the_range(string value, string expected)
    {
        var json = "{\"model_type\": \"llama\", \"num_hidden_layers\": " + value + "}";
        var d = HuggingFaceConfigReader.Read(json, "c.json", "x").Diagnostics.First();
        Assert.Equal((expected, 1, 46), (d.Message, d.Location.Line, d.Location.Column));
    }

    [Fact]
    public void Json_syntax_errors_have_a_position()
    {
        var d = Assert.Single(HuggingFaceConfigReader.Read("{\n  \"model_type\": llama\n}", "c.json", "x").Diagnostics);
        Assert.Equal(DiagnosticIds.YamlSyntax, d.Id);
        Assert.StartsWith("not valid JSON: ", d.Message, StringComparison.Ordinal);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void Unsupported_layouts_are_refused_rather_than_miscounted()
    {
        var json = Fixture("qwen2-57b-a14b.config.json").Replace("\"decoder_sparse_step\": 1", "\"decoder_sparse_step\": 2", StringComparison.Ordinal);
        var d = Assert.Single(HuggingFaceConfigReader.Read(json, "c.json", "x").Diagnostics);
        Assert.StartsWith("decoder_sparse_step other than 1", d.Message, StringComparison.Ordinal);
        Assert.Equal(5, d.Location.Line);
    }

    [Fact]
    public void More_key_value_heads_than_attention_heads_is_a_located_error()
    {
        var json = Fixture("qwq-32b.config.json").Replace("\"num_key_value_heads\": 8", "\"num_key_value_heads\": 64", StringComparison.Ordinal);
        var d = Assert.Single(HuggingFaceConfigReader.Read(json, "c.json", "x").Diagnostics);
        Assert.Equal("c.json(15,26): error PG2005: num_key_value_heads is 64; it must divide num_attention_heads (40): each key/value head serves a whole group of query heads", d.ToCanonicalString());
    }

    [Fact]
    public void An_unknown_torch_dtype_is_a_located_error_with_the_known_ones()
    {
        var json = Fixture("qwq-32b.config.json").Replace("\"torch_dtype\": \"bfloat16\"", "\"torch_dtype\": \"bfloat61\"", StringComparison.Ordinal);
        var result = HuggingFaceConfigReader.Read(json, "c.json", "x");
        Assert.Null(result.Model);
        var d = Assert.Single(result.Diagnostics);
        Assert.Equal("c.json(20,18): error PG2005: 'torch_dtype' is 'bfloat61', which is not a torch dtype PerfGate knows (did you mean 'bfloat16'?); use one of 'bfloat16', 'float16', 'float32', 'float8_e4m3fn', 'float8_e5m2'", d.ToCanonicalString());
    }

    private static object Architecture(ModelSpec m) => (m.Family, m.Layers, m.HiddenSize, m.AttentionHeads, m.KeyValueHeads, m.HeadDim,
        m.IntermediateSize, m.VocabSize, m.TiedEmbeddings, m.QkvBias, m.QkNorm, m.MtpLayers, m.Moe, m.Mla);
}
