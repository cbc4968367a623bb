using System.Globalization;
using PerfGate.Catalog;
using Spectre.Console;

namespace PerfGate.Cli.Output;

/// <summary>Console tables for the catalog. Figures are formatted with the invariant culture.</summary>
internal static class CatalogTables
{
    public static Table Hardware(IEnumerable<HardwareSpec> items)
    {
        var table = new Table().Title("Hardware").AddColumns("id", "name", "memory", "bandwidth", "bf16", "fp8", "link");
        foreach (var h in items)
        {
            table.AddRow(
                Markup.Escape(h.Id),
                Markup.Escape(h.Name),
                h.Memory.ToString(),
                h.MemoryBandwidth.ToString(),
                h.Bf16.ToString(),
                h.Fp8?.ToString() ?? "-",
                h.IntraNodeLink is { } l ? $"{l.ToId()} {h.IntraNodeBandwidth}" : "-");
        }

        table.Columns[0].NoWrap();
        return table;
    }

    public static Table Nics(IEnumerable<NicSpec> items)
    {
        var table = new Table().Title("NICs").AddColumns("id", "name", "line rate", "effective");
        foreach (var n in items)
        {
            table.AddRow(
                Markup.Escape(n.Id),
                Markup.Escape(n.Name),
                FormattableString.Invariant($"{n.LineRate.Value * 8 / 1e9:0.###} Gb/s"),
                FormattableString.Invariant($"{n.EffectiveBandwidth.Value / Quantities.Bytes.GiB:0.###} GiB/s"));
        }

        table.Columns[0].NoWrap();
        return table;
    }

    public static Table Models(IEnumerable<ModelSpec> items)
    {
        var table = new Table().Title("Models").AddColumns("id", "name", "family", "layers", "parameters", "activated");
        foreach (var m in items)
        {
            var p = ModelParameters.Compute(m);
            table.AddRow(
                Markup.Escape(m.Id),
                Markup.Escape(m.Name),
                m.Family,
                m.Layers.ToString(CultureInfo.InvariantCulture),
                p.Total.ToString("N0", CultureInfo.InvariantCulture),
                p.ActivatedPerToken.ToString("N0", CultureInfo.InvariantCulture));
        }

        table.Columns[0].NoWrap();
        return table;
    }

    /// <summary>Field, value and source of one document.</summary>
    public static Table Details(string title, IEnumerable<(string Field, string Value, string? Source)> rows)
    {
        var table = new Table().Title(Markup.Escape(title)).AddColumns("field", "value", "source");
        foreach (var (field, value, source) in rows)
        {
            table.AddRow(Markup.Escape(field), Markup.Escape(value), Markup.Escape(source ?? string.Empty));
        }

        table.Columns[0].NoWrap();
        return table;
    }
}
