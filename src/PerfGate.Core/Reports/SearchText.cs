using System.Globalization;
using PerfGate.Estimation;

namespace PerfGate.Reports;

/// <summary>The configuration search for a person to read: seed 002's table (its CSV columns, rounded) and a summary line.</summary>
public static class SearchText
{
    public static TextTable Table(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var c = CultureInfo.InvariantCulture;
        return new TextTable(
            null,
            SearchCsvWriter.Columns,
            [.. result.Rows.Select(r => (IReadOnlyList<string>)
            [
                r.Gpu, r.Nic, r.PipelineId, r.Ep.ToString(c), r.KvElementBytes.ToString(c), r.NonExpertElementBytes.ToString(c),
                r.Batch.ToString(c), r.DeepGemm ? "TRUE" : "FALSE", r.UserTokensPerSecond.ToString("0.00", c), r.ThroughputPerCard.ToString("0.0", c), r.Mtp.ToString(c),
            ])]);
    }

    public static string Summary(SearchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return string.Create(CultureInfo.InvariantCulture, $"target {result.TargetUserTokensPerSecond:0.##} UX TPS: {result.Rows.Count} configurations ({result.Candidates.Count} before dedup, {result.Evaluations} estimates)");
    }
}
