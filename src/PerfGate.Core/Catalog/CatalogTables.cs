using System.Globalization;
using PerfGate.Reports;

namespace PerfGate.Catalog;

/// <summary>The tables of <c>perfgate catalog list</c> (key figures of each kind) and <c>catalog show</c> (every field with its source).</summary>
public static class CatalogTables
{
    public static TextTable Hardware(IEnumerable<HardwareSpec> items) => new(
        "Hardware",
        ["id", "name", "memory", "bandwidth", "bf16", "fp8", "link"],
        [.. items.Select(h => Row(
            h.Id,
            h.Name,
            h.Memory.ToString(),
            h.MemoryBandwidth.ToString(),
            h.Bf16.ToString(),
            h.Fp8?.ToString() ?? "-",
            h.IntraNodeLink is { } l ? $"{l.ToId()} {h.IntraNodeBandwidth}" : "-"))]);

    public static TextTable Nics(IEnumerable<NicSpec> items) => new(
        "NICs",
        ["id", "name", "line rate", "effective"],
        [.. items.Select(n => Row(
            n.Id,
            n.Name,
            FormattableString.Invariant($"{n.LineRate.Value * 8 / 1e9:0.###} Gb/s"),
            FormattableString.Invariant($"{n.EffectiveBandwidth.Value / Quantities.Bytes.GiB:0.###} GiB/s")))]);

    public static TextTable Models(IEnumerable<ModelSpec> items) => new(
        "Models",
        ["id", "name", "family", "layers", "parameters", "activated"],
        [.. items.Select(m => (m, p: ModelParameters.Compute(m))).Select(x => Row(
            x.m.Id,
            x.m.Name,
            x.m.Family,
            x.m.Layers.ToString(CultureInfo.InvariantCulture),
            x.p.Total.ToString("N0", CultureInfo.InvariantCulture),
            x.p.ActivatedPerToken.ToString("N0", CultureInfo.InvariantCulture)))]);

    /// <summary>Field, value and source of one document.</summary>
    public static TextTable Details(string title, IEnumerable<(string Field, string Value, string? Source)> rows) =>
        new(title, ["field", "value", "source"], [.. rows.Select(r => Row(r.Field, r.Value, r.Source ?? string.Empty))]);

    private static IReadOnlyList<string> Row(params string[] cells) => cells;
}
