using PerfGate.Catalog;

namespace PerfGate.Tests.Catalog;

/// <summary><c>perfgate catalog list|show</c>'s models: tables of key figures, one document by id, and the unknown-id message.</summary>
public sealed class CatalogEntryTests
{
    private static readonly CatalogSet Catalog = BuiltInCatalog.Load();

    [Fact]
    public void Ids_are_found_among_hardware_nics_and_models()
    {
        var id = Catalog.Hardware.Keys.First();
        var hardware = CatalogEntry.Find(Catalog, id);
        var nic = CatalogEntry.Find(Catalog, Catalog.Nics.Keys.First());
        var model = CatalogEntry.Find(Catalog, Catalog.Models.Keys.First());

        Assert.Equal($"hardware {id}", hardware!.Details.Title);
        Assert.Equal(["field", "value", "source"], hardware.Details.Columns);
        Assert.Contains($"\"id\": \"{id}\"", hardware.Json, StringComparison.Ordinal);
        Assert.StartsWith("nic ", nic!.Details.Title, StringComparison.Ordinal);
        Assert.StartsWith("model ", model!.Details.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_id_suggests_the_closest()
    {
        var id = Catalog.Hardware.Keys.First();

        Assert.Null(CatalogEntry.Find(Catalog, id + "x"));
        Assert.StartsWith($"perfgate: error PG2008: no hardware, NIC or model has id '{id}x' (did you mean '{id}'?). Known ids: ", CatalogEntry.Unknown(Catalog, id + "x"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_list_tables_have_one_row_per_document_with_invariant_figures()
    {
        var models = CatalogTables.Models(Catalog.Models.Values);

        Assert.Equal(Catalog.Models.Count, models.Rows.Count);
        Assert.Equal(["id", "name", "family", "layers", "parameters", "activated"], models.Columns);
        Assert.All(models.Rows, r => Assert.Matches("^[0-9]{1,3}(,[0-9]{3})*$", r[4]));
        Assert.Equal(Catalog.Hardware.Count, CatalogTables.Hardware(Catalog.Hardware.Values).Rows.Count);
        Assert.All(CatalogTables.Nics(Catalog.Nics.Values).Rows, r => Assert.EndsWith(" Gb/s", r[2], StringComparison.Ordinal));
    }

    [Fact]
    public void The_json_of_the_whole_catalog_has_the_three_kinds()
    {
        using var json = System.Text.Json.JsonDocument.Parse(CatalogJson.Render(Catalog));

        Assert.Equal(Catalog.Hardware.Count, json.RootElement.GetProperty("hardware").GetArrayLength());
        Assert.Equal(Catalog.Nics.Count, json.RootElement.GetProperty("nics").GetArrayLength());
        Assert.Equal(Catalog.Models.Count, json.RootElement.GetProperty("models").GetArrayLength());
    }
}
