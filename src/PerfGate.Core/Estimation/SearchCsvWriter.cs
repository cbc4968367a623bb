using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace PerfGate.Estimation;

/// <summary>Writes a search table as CSV with seed 002's columns (invariant culture, LF line ends like every file PerfGate writes; the caller owns the file).</summary>
public static class SearchCsvWriter
{
    public static readonly IReadOnlyList<string> Columns =
    [
        "GPU", "NIC", "Pipe policy", "EP", "KVC elem size", "Non-expert param elem size", "BS", "DeepGemm", "UX TPS", "Throughput Per card", "MTP Len",
    ];

    public static void Write(SearchResult result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var c in Columns)
        {
            csv.WriteField(c);
        }

        csv.NextRecord();
        foreach (var r in result.Rows)
        {
            csv.WriteField(r.Gpu);
            csv.WriteField(r.Nic);
            csv.WriteField(r.PipelineId);
            csv.WriteField(r.Ep.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.KvElementBytes.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.NonExpertElementBytes.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.Batch.ToString(CultureInfo.InvariantCulture));
            csv.WriteField(r.DeepGemm ? "TRUE" : "FALSE");
            csv.WriteField(r.UserTokensPerSecond.ToString("0.#######", CultureInfo.InvariantCulture));
            csv.WriteField(r.ThroughputPerCard.ToString("0.#####", CultureInfo.InvariantCulture));
            csv.WriteField(r.Mtp.ToString(CultureInfo.InvariantCulture));
            csv.NextRecord();
        }

        csv.Flush();
    }
}
