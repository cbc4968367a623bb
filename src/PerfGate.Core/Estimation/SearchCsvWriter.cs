using System.Globalization;
using PerfGate.Csv;

namespace PerfGate.Estimation;

/// <summary>Writes a search table as CSV with seed 002's columns (RFC 4180, invariant culture, LF line ends like every file PerfGate writes; the caller owns the file).</summary>
public static class SearchCsvWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "GPU", "NIC", "Pipe policy", "EP", "KVC elem size", "Non-expert param elem size", "BS", "DeepGemm", "UX TPS", "Throughput Per card", "MTP Len",
    ];

    public static void Write(SearchResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);
        CsvFields.WriteRecord(writer, Columns);
        foreach (var r in result.Rows)
        {
            CsvFields.WriteRecord(writer,
            [
                r.Gpu,
                r.Nic,
                r.PipelineId,
                r.Ep.ToString(CultureInfo.InvariantCulture),
                r.KvElementBytes.ToString(CultureInfo.InvariantCulture),
                r.NonExpertElementBytes.ToString(CultureInfo.InvariantCulture),
                r.Batch.ToString(CultureInfo.InvariantCulture),
                r.DeepGemm ? "TRUE" : "FALSE",
                r.UserTokensPerSecond.ToString("0.#######", CultureInfo.InvariantCulture),
                r.ThroughputPerCard.ToString("0.#####", CultureInfo.InvariantCulture),
                r.Mtp.ToString(CultureInfo.InvariantCulture),
            ]);
        }

        writer.Flush();
    }
}
