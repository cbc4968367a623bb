using System.Text;
using PerfGate.Diagnostics;
using PerfGate.Yaml;

namespace PerfGate.Tests.Yaml;

public sealed class YamlDocumentLoaderTests
{
    private static Diagnostic Single(YamlLoadResult result)
    {
        Assert.Null(result.Root);
        return Assert.Single(result.Diagnostics);
    }

    [Fact]
    public void A_plain_mapping_loads_with_one_based_positions()
    {
        var result = YamlDocumentLoader.Load("kind: model\nid: x\n", "m.yaml");
        Assert.NotNull(result.Root);
        Assert.Empty(result.Diagnostics);
        var reader = new YamlMappingReader(result.Root!, "m.yaml", new List<Diagnostic>(), "a test");
        Assert.Equal(new SourceLocation("m.yaml", 2, 1), reader.LocationOf("id"));
        Assert.Equal(new SourceLocation("m.yaml", 2, 5), reader.ValueLocationOf("id"));
    }

    [Fact]
    public void Files_over_one_mebibyte_are_refused()
    {
        var text = "a: " + new string('x', 1 << 20) + "\n";
        var d = Single(YamlDocumentLoader.Load(text, "big.yaml"));
        Assert.Equal(DiagnosticIds.HostileInput, d.Id);
        Assert.Contains("more than the 1048576 bytes (1 MiB)", d.Message, StringComparison.Ordinal);
        Assert.Equal("big.yaml", d.Location.File);
    }

    [Fact]
    public void Nesting_deeper_than_32_is_refused_at_the_level_that_crosses_it()
    {
        // 40 nested flow lists: the 33rd '[' is at column 33.
        var text = "a: " + new string('[', 40) + new string(']', 40) + "\n";
        var d = Single(YamlDocumentLoader.Load(text, "deep.yaml"));
        Assert.Equal(DiagnosticIds.HostileInput, d.Id);
        Assert.Contains("deeper than 32 levels", d.Message, StringComparison.Ordinal);
        // The root mapping is level 1, so '[' number 32 (column 4 + 31 = 35) would be level 33.
        Assert.Equal(new SourceLocation("deep.yaml", 1, 35), d.Location);
    }

    [Fact]
    public void Anchors_are_refused_with_their_name_and_position()
    {
        var text = "base: &b\n  x: 1\nother: 2\n";
        var d = Single(YamlDocumentLoader.Load(text, "a.yaml"));
        Assert.Equal(DiagnosticIds.HostileInput, d.Id);
        Assert.Contains("anchor '&b' is not supported", d.Message, StringComparison.Ordinal);
        Assert.Contains("anchors and aliases", d.Message, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation("a.yaml", 1, 7), d.Location);
    }

    [Fact]
    public void An_alias_bomb_is_refused_before_anything_expands()
    {
        var text = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x]\n");
        for (var i = 1; i < 10; i++)
        {
            var prev = (char)('a' + i - 1);
            var cur = (char)('a' + i);
            text.Append(System.Globalization.CultureInfo.InvariantCulture, $"{cur}: &{cur} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n");
        }

        var d = Single(YamlDocumentLoader.Load(text.ToString(), "bomb.yaml"));
        Assert.Equal(DiagnosticIds.HostileInput, d.Id);
        Assert.Equal(1, d.Location.Line);
    }

    [Fact]
    public void Aliases_alone_are_refused()
    {
        var d = Single(YamlDocumentLoader.Load("a: 1\nb: *a\n", "alias.yaml"));
        Assert.Equal(DiagnosticIds.HostileInput, d.Id);
        Assert.Contains("alias '*a' is not supported", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Too_many_nodes_are_refused()
    {
        var text = "a: [" + string.Join(", ", Enumerable.Repeat("1", 200)) + "]\n";
        var d = Single(YamlDocumentLoader.Load(text, "n.yaml", new YamlLimits { MaxNodes = 100 }));
        Assert.Equal(DiagnosticIds.HostileInput, d.Id);
        Assert.Contains("more than 100 YAML nodes", d.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_are_each_reported_at_the_second_occurrence()
    {
        var result = YamlDocumentLoader.Load("id: a\nname: b\nid: c\nsub:\n  x: 1\n  x: 2\n", "dup.yaml");
        Assert.Null(result.Root);
        Assert.Collection(
            result.Diagnostics,
            d =>
            {
                Assert.Equal(DiagnosticIds.DuplicateKey, d.Id);
                Assert.Equal("duplicate key 'id' (first written at line 1); each key may appear once in a mapping", d.Message);
                Assert.Equal(new SourceLocation("dup.yaml", 3, 1), d.Location);
            },
            d => Assert.Equal(new SourceLocation("dup.yaml", 6, 3), d.Location));
    }

    [Fact]
    public void Keys_seen_in_one_file_or_mapping_are_not_duplicates_in_the_next()
    {
        // A thread reuses the pre-scan's key sets from file to file: each must start empty, a large one included.
        var wide = string.Concat(Enumerable.Range(0, 100).Select(i => $"k{i}: {i}\n"));
        for (var round = 0; round < 3; round++)
        {
            Assert.Empty(YamlDocumentLoader.Load(wide, "wide.yaml").Diagnostics);
            Assert.Empty(YamlDocumentLoader.Load("id: a\nsub:\n  id: b\n  k1: 1\nother:\n  id: c\n", "a.yaml").Diagnostics);
            Assert.Empty(YamlDocumentLoader.Load("id: a\nlist:\n  - id: x\n  - id: y\n", "b.yaml").Diagnostics);
            var d = Single(YamlDocumentLoader.Load("sub:\n  k1: 1\n  k1: 2\n", "c.yaml"));
            Assert.Equal((DiagnosticIds.DuplicateKey, new SourceLocation("c.yaml", 3, 3)), (d.Id, d.Location));
        }
    }

    [Fact]
    public void Syntax_errors_carry_the_parser_position_without_its_prefix()
    {
        var d = Single(YamlDocumentLoader.Load("a: 1\nb: c: d\n", "s.yaml"));
        Assert.Equal(DiagnosticIds.YamlSyntax, d.Id);
        Assert.StartsWith("YAML syntax error: ", d.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Idx:", d.Message, StringComparison.Ordinal);
        Assert.Equal(2, d.Location.Line);
    }

    [Fact]
    public void An_unclosed_flow_list_is_a_syntax_error_not_a_crash()
    {
        var d = Single(YamlDocumentLoader.Load("a: [1, 2\nb: 3\n", "s.yaml"));
        Assert.Equal(DiagnosticIds.YamlSyntax, d.Id);
        Assert.Contains("unclosed '['", d.Message, StringComparison.Ordinal);
        Assert.Equal("s.yaml", d.Location.File);
    }

    [Fact]
    public void No_prefix_of_a_valid_document_throws()
    {
        const string text = "kind: hardware\nid: \"x\"\nsources: {memory: 'a b', bf16: [1, {c: d}]}\nlist:\n  - a: 1\n    b: |\n      text\n";
        for (var i = 0; i <= text.Length; i++)
        {
            var result = YamlDocumentLoader.Load(text[..i], "p.yaml");
            Assert.True(result.Root is not null || result.Diagnostics.Count > 0);
        }
    }

    [Fact]
    public void Several_documents_are_refused()
    {
        var d = Single(YamlDocumentLoader.Load("a: 1\n---\nb: 2\n", "two.yaml"));
        Assert.Equal(DiagnosticIds.HostileInput, d.Id);
        Assert.Contains("more than one YAML document", d.Message, StringComparison.Ordinal);
        Assert.Equal(2, d.Location.Line);
    }

    [Theory]
    [InlineData("", DiagnosticIds.MissingField, "the file is empty")]
    [InlineData("- a\n- b\n", DiagnosticIds.WrongType, "must be a mapping of keys to values (e.g. 'kind: model'), not a list")]
    [InlineData("[a]: 1\n", DiagnosticIds.WrongType, "a key must be plain text")]
    public void The_root_must_be_a_mapping(string text, string id, string message)
    {
        var d = Single(YamlDocumentLoader.Load(text, "r.yaml"));
        Assert.Equal(id, d.Id);
        Assert.Contains(message, d.Message, StringComparison.Ordinal);
    }
}
