using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Yaml;

namespace PerfGate.Tests.Yaml;

public sealed class YamlMappingReaderTests
{
    private static (YamlMappingReader Reader, List<Diagnostic> Diagnostics) Read(string yaml)
    {
        var result = YamlDocumentLoader.Load(yaml, "t.yaml");
        Assert.Empty(result.Diagnostics);
        var diagnostics = new List<Diagnostic>();
        return (new YamlMappingReader(result.Root!, "t.yaml", diagnostics, "a test document"), diagnostics);
    }

    private static readonly KeyValuePair<string, EngineLike>[] Engines =
    [
        new("mindie", EngineLike.MindIE), new("vllm", EngineLike.Vllm), new("sglang", EngineLike.Sglang),
    ];

    public enum EngineLike
    {
        MindIE,
        Vllm,
        Sglang,
    }

    [Fact]
    public void Typed_values_are_read()
    {
        var (r, d) = Read("s: text\ni: 8\nx: 0.85\nb: true\ne: vllm\nm: 81559 MiB\nbw: 3.35 TB/s\nf: 989 TFLOPS\nt: 1.2 us\nl: [1, 2]\n");
        Assert.Equal("text", r.String("s"));
        Assert.Equal(8, r.Int("i", min: 1));
        Assert.Equal(0.85, r.Double("x", min: 0, exclusiveMin: true, max: 1));
        Assert.True(r.Bool("b"));
        Assert.Equal(EngineLike.Vllm, r.Enum("e", Engines));
        Assert.Equal(81559L * Bytes.MiB, r.Bytes("m")!.Value.Value);
        Assert.Equal(3.35e12, r.Rate("bw")!.Value.Value, 1);
        Assert.Equal(989e12, r.Flops("f")!.Value.Value);
        Assert.Equal(1.2e-6, r.Duration("t")!.Value.Seconds, 12);
        Assert.Equal([1, 2], r.IntList("l", min: 1)!);
        r.Complete();
        Assert.Empty(d);
    }

    [Fact]
    public void Every_problem_in_a_mapping_is_reported_with_its_position()
    {
        var (r, d) = Read("i: eight\nx: .nan\nb: yes\ne: vlm\nm: 80\nzero: 0 GiB\nneg: -3\nl: [1, x]\nmemroy: 1 GiB\n");
        Assert.Null(r.Int("i"));
        Assert.Null(r.Double("x"));
        Assert.Null(r.Bool("b"));
        Assert.Null(r.Enum("e", Engines));
        Assert.Null(r.Bytes("m"));
        Assert.Null(r.Bytes("zero"));
        Assert.Null(r.Int("neg", min: 1));
        Assert.Null(r.IntList("l"));
        Assert.Null(r.Bytes("memory"));
        Assert.Null(r.String("name", required: true));
        r.Complete();

        Assert.Collection(
            d,
            x => Expect(x, DiagnosticIds.WrongType, 1, 4, "'i' must be a whole number, not 'eight'"),
            x => Expect(x, DiagnosticIds.WrongType, 2, 4, "'x' must be a finite number, not '.nan'"),
            x => Expect(x, DiagnosticIds.WrongType, 3, 4, "'b' must be true or false, not 'yes'"),
            x => Expect(x, DiagnosticIds.InvalidValue, 4, 4, "'e' is 'vlm', which is not valid (did you mean 'vllm'?). Valid values: 'mindie', 'vllm', 'sglang'"),
            x => Expect(x, DiagnosticIds.BadUnit, 5, 4, "'m': '80' has no unit; a size needs one of B, KiB, MiB, GiB, TiB, KB, kB, MB, GB, TB, e.g. \"80 GiB\""),
            x => Expect(x, DiagnosticIds.InvalidValue, 6, 7, "'zero' is '0 GiB'; it must be more than zero"),
            x => Expect(x, DiagnosticIds.InvalidValue, 7, 6, "'neg' is -3; it must be a whole number of at least 1"),
            x => Expect(x, DiagnosticIds.WrongType, 8, 8, "'l[1]' must be a whole number, not 'x'"),
            x => Expect(x, DiagnosticIds.MissingField, 1, 1, "missing required key 'name' in a test document; expected text"),
            x => Expect(x, DiagnosticIds.UnknownKey, 9, 1, "unknown key 'memroy' in a test document (did you mean 'memory'?). Valid keys: 'i', 'x', 'b', 'e', 'm', 'zero', 'neg', 'l', 'memory', 'name'"));
    }

    [Fact]
    public void Empty_values_and_wrong_shapes_are_errors()
    {
        var (r, d) = Read("a:\nb: {x: 1}\nc: [1]\nd: []\n");
        Assert.Null(r.Int("a"));
        Assert.Null(r.String("b"));
        Assert.Null(r.Mapping("c"));
        Assert.Null(r.IntList("d"));
        Assert.Collection(
            d,
            x => Expect(x, DiagnosticIds.InvalidValue, 1, 1, "'a' has no value; expected a whole number"),
            x => Expect(x, DiagnosticIds.WrongType, 2, 4, "'b' must be text, not a mapping"),
            x => Expect(x, DiagnosticIds.WrongType, 3, 4, "'c' must be a mapping of keys to values, not a list"),
            x => Expect(x, DiagnosticIds.InvalidValue, 4, 4, "'d' is an empty list; give at least one item or leave the key out"));
    }

    [Fact]
    public void Numbers_past_the_range_of_a_whole_number_say_the_range()
    {
        // 2147483648 fits a long but not an int; 99999999999999999999 fits neither: both are out of range, not "not a number".
        var (r, d) = Read("a: 2147483648\nb: 99999999999999999999\nc: -99999999999999999999\n");
        Assert.Null(r.Int("a", min: 1));
        Assert.Null(r.Int("b", min: 1));
        Assert.Null(r.Int("c", min: 0, max: 10));
        Assert.Equal(
            [
                "t.yaml(1,4): error PG2005: 'a' is 2147483648; it must be a whole number from 1 to 2147483647",
                "t.yaml(2,4): error PG2005: 'b' is 99999999999999999999, which is out of range; it must be a whole number from 1 to 2147483647",
                "t.yaml(3,4): error PG2005: 'c' is -99999999999999999999, which is out of range; it must be a whole number from 0 to 10",
            ],
            d.Select(x => x.ToCanonicalString()));
    }

    [Fact]
    public void Quoted_numbers_and_booleans_are_text_not_values()
    {
        var (r, d) = Read("i: \"32\"\nx: '0.5'\nb: \"true\"\n");
        Assert.Null(r.Int("i"));
        Assert.Null(r.Double("x"));
        Assert.Null(r.Bool("b"));
        Assert.Equal(
            [
                "t.yaml(1,4): error PG2004: 'i' must be a whole number, not the text '32'; write it without quotes",
                "t.yaml(2,4): error PG2004: 'x' must be a number, not the text '0.5'; write it without quotes",
                "t.yaml(3,4): error PG2004: 'b' must be true or false, not the text 'true'; write it without quotes",
            ],
            d.Select(x => x.ToCanonicalString()));
    }

    [Fact]
    public void Nested_readers_qualify_names_and_record_key_locations()
    {
        var (r, d) = Read("decode:\n  batch: 0\n  contxt: 5\n");
        var decode = r.Mapping("decode")!;
        Assert.Null(decode.Int("batch", min: 1));
        decode.Int("context");
        decode.Complete();
        Assert.Equal(new SourceLocation("t.yaml", 2, 3), r.KeyLocations["decode.batch"]);
        Assert.Collection(
            d,
            x => Expect(x, DiagnosticIds.InvalidValue, 2, 10, "'decode.batch' is 0; it must be a whole number of at least 1"),
            x => Expect(x, DiagnosticIds.UnknownKey, 3, 3, "unknown key 'contxt' in the 'decode' section (did you mean 'context'?). Valid keys: 'batch', 'context'"));
    }

    [Theory]
    [InlineData("kvBtyes", "kvBytes")]
    [InlineData("memoryBandwith", "memoryBandwidth")]
    [InlineData("MEMORY", "memory")]
    public void Suggestions_find_typos(string typo, string expected) =>
        Assert.Equal(expected, Suggestions.Closest(typo, ["kvBytes", "memory", "memoryBandwidth", "name"]));

    [Fact]
    public void An_abbreviation_suggests_the_id_it_starts() =>
        Assert.Equal("h100-sxm", Suggestions.Closest("h100", ["h20", "h200", "h100-sxm", "h800"]));

    [Fact]
    public void No_suggestion_when_nothing_is_close() =>
        Assert.Null(Suggestions.Closest("completelyDifferent", ["memory", "name"]));

    private static void Expect(Diagnostic d, string id, int line, int column, string message)
    {
        Assert.Equal(message, d.Message);
        Assert.Equal(id, d.Id);
        Assert.Equal(new SourceLocation("t.yaml", line, column), d.Location);
    }
}
