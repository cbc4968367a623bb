using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Gate;

namespace PerfGate.Evaluation;

/// <summary>
/// The <c>search:</c> section through <see cref="ConfigurationSearch"/>: for each target UX TPS, seed 002's table
/// (best configuration per GPU, NIC, EP and non-expert element size, in the search's order) as
/// <c>search.tps&lt;target&gt;</c>, plus the best throughput per card and the number of rows.
/// </summary>
internal static class SearchFigures
{
    public static void Add(EvaluationContext c)
    {
        var settings = c.Scenario.Search!;
        var hardware = new List<HardwareSpec>();
        var nics = new List<NicSpec>();
        foreach (var id in settings.Hardware)
        {
            if (c.Catalog.Hardware.TryGetValue(id, out var hw))
            {
                hardware.Add(hw);
            }
            else
            {
                c.InputErrors.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"search.hardware: '{id}' is not in the catalog", c.Scenario.LocationOf("search.hardware")));
            }
        }

        foreach (var id in settings.Nics)
        {
            if (c.Catalog.Nics.TryGetValue(id, out var nic))
            {
                nics.Add(nic);
            }
            else
            {
                c.InputErrors.Add(Diagnostic.Error(DiagnosticIds.UnknownReference, $"search.nics: '{id}' is not in the catalog", c.Scenario.LocationOf("search.nics")));
            }
        }

        if (c.InputErrors.Count > 0)
        {
            return;
        }

        foreach (var hw in hardware)
        {
            foreach (var (key, value) in ScenarioSettings.Hardware("search.hardware." + hw.Id, hw))
            {
                c.Builder.Setting(key, value);
            }
        }

        foreach (var nic in nics)
        {
            c.Builder.Setting($"search.nic.{nic.Id}.effectiveBandwidth", nic.EffectiveBandwidth.Value.ToString(CultureInfo.InvariantCulture));
        }

        foreach (var target in settings.TargetUserTokensPerSecond)
        {
            var result = ConfigurationSearch.Run(SearchRequest.FromSettings(settings, c.Model, hardware, nics, target));
            var name = "search.tps" + SignificantDigits.Format(target);
            c.AddFindings(name, result.Diagnostics);
            var best = result.Rows.Count == 0 ? 0 : result.Rows.Max(r => r.ThroughputPerCard);
            c.Builder
                .Number(name + ".configurations", result.Rows.Count, string.Empty, MetricDirection.HigherIsBetter)
                .Number(name + ".best_throughput_per_card", best, Units.TokensPerSecond, MetricDirection.HigherIsBetter);
            c.Builder.Table(new SnapshotTable(name, Columns, result.Rows.Select(r => Row(c.Builder, name, r, hardware, nics)).ToArray()));
        }
    }

    /// <summary>The search names hardware and NICs by id or by name; the row key always uses the id.</summary>
    private static string IdOf(string idOrName, IEnumerable<(string Id, string Name)> documents) =>
        documents.FirstOrDefault(d => d.Id == idOrName || d.Name == idOrName).Id ?? idOrName;

    private static readonly SnapshotColumn[] Columns =
    [
        new("pipeline"),
        new("kv_bytes"),
        new("batch", string.Empty, MetricDirection.HigherIsBetter),
        new("mtp"),
        new("deep_gemm"),
        new("user_tps", Units.TokensPerSecond, MetricDirection.HigherIsBetter),
        new("throughput_per_card", Units.TokensPerSecond, MetricDirection.HigherIsBetter),
    ];

    /// <summary>
    /// The table is unique per GPU, NIC, EP and non-expert element size (the seed's dedup key); the row key names
    /// them by catalog id ("h800/cx7-400g/ep144/ne2").
    /// </summary>
    private static SnapshotRow Row(FigureSink sink, string table, SearchRow r, List<HardwareSpec> hardware, List<NicSpec> nics)
    {
        var key = DecodeFigures.RowKey(string.Create(CultureInfo.InvariantCulture, $"{IdOf(r.Gpu, hardware.Select(h => (h.Id, h.Name)))}/{IdOf(r.Nic, nics.Select(n => (n.Id, n.Name)))}/ep{r.Ep}/ne{r.NonExpertElementBytes}"));
        return new(
            key,
            [
                SnapshotValue.Of(r.PipelineId),
                SnapshotValue.Of(r.KvElementBytes),
                SnapshotValue.Of(r.Batch),
                SnapshotValue.Of(r.Mtp),
                SnapshotValue.Of(r.DeepGemm),
                sink.Cell(table, key, "user_tps", r.UserTokensPerSecond),
                sink.Cell(table, key, "throughput_per_card", r.ThroughputPerCard),
            ]);
    }
}
