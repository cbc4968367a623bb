using System.Text.Json;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Schemas;
using PerfGate.Yaml;

namespace PerfGate.Tests.Schemas;

/// <summary>The schemas must list exactly the keys the readers accept, so editors and 'validate' agree.</summary>
public sealed class JsonSchemasTests
{
    private static JsonElement Definition(string kind)
    {
        var doc = JsonDocument.Parse(JsonSchemas.Read("catalog.schema.json"));
        return doc.RootElement.GetProperty("definitions").GetProperty(kind).GetProperty("properties");
    }

    private static List<string> KnownKeys(string yaml, Action<YamlMappingReader> read)
    {
        var root = YamlDocumentLoader.Load(yaml, "x.yaml").Root!;
        var reader = new YamlMappingReader(root, "x.yaml", new List<Diagnostic>(), "test");
        read(reader);
        return reader.KnownKeys.Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Every_schema_is_valid_json() =>
        Assert.All(JsonSchemas.Names, n => JsonDocument.Parse(JsonSchemas.Read(n)).Dispose());

    [Fact]
    public void Hardware_keys_match_the_reader()
    {
        var keys = KnownKeys("kind: hardware\nid: x\n", r => HardwareDocumentReader.Read(r, "x", null));
        Assert.Equal(keys, Definition("hardware").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Model_and_nic_keys_match_the_reader()
    {
        var model = KnownKeys("kind: model\nid: x\n", r => ModelDocumentReader.Read(r, "x"));
        Assert.Equal(model, Definition("model").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var nic = KnownKeys("kind: nic\nid: x\n", r => NicDocumentReader.Read(r, "x"));
        Assert.Equal(nic, Definition("nic").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        var storage = KnownKeys("kind: storage\nid: x\n", r => StorageDocumentReader.Read(r, "x"));
        Assert.Equal(storage, Definition("storage").EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
    }
}
