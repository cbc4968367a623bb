using PerfGate.Diagnostics;
using PerfGate.IO;
using PerfGate.Reports;

namespace PerfGate.Run;

/// <summary>The front end's side of a merge: the shard reports named on the command line, and the reports a merge can write.</summary>
public static partial class ShardMerge
{
    /// <summary>The summary line, the joined JSON and the chart exports (figures from the shards' JSON); the others show drifts.</summary>
    public static IReadOnlyList<string> ReportFormats { get; } = ["console", "json", "bmf", "github-benchmark-smaller", "github-benchmark-bigger"];

    /// <summary>Null when a merge writes <paramref name="request"/> (given as <paramref name="value"/>); otherwise why not.</summary>
    public static string? Refusal(ReportRequest request, string value)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ReportFormats.Contains(request.Format.Name)
            ? null
            : $"--report '{value}': merge writes {string.Join(", ", ReportFormats)}; the other reports need the recomputed drifts, which only check has";
    }

    /// <summary>
    /// Reads the shard reports at <paramref name="paths"/> (relative to <paramref name="currentDirectory"/>) through
    /// <paramref name="files"/> and joins them; a report that does not exist is a PG2010 error at its absolute path.
    /// </summary>
    public static ShardMergeResult Merge(IFileSystem files, string currentDirectory, IEnumerable<string> paths)
    {
        ArgumentNullException.ThrowIfNull(files);
        var read = new List<(string, byte[])>();
        var missing = new List<Diagnostic>();
        foreach (var full in paths.Select(p => Path.GetFullPath(p, currentDirectory)))
        {
            if (!files.FileExists(full))
            {
                missing.Add(Diagnostic.Error(DiagnosticIds.FileNotFound, "the shard report does not exist; give the JSON report each perfgate check --shard i/n wrote", new SourceLocation(full)));
                continue;
            }

            read.Add((full, files.ReadAllBytes(full)));
        }

        return missing.Count == 0 ? Merge(read) : new ShardMergeResult { Errors = missing };
    }

    /// <summary>
    /// The text a merge writes itself for <paramref name="request"/>: the summary line (console) or the joined JSON report;
    /// null for a chart export, which the report format renders from <see cref="ShardMergeResult.Result"/>.
    /// </summary>
    public static string? Text(ShardMergeResult merged, ReportRequest request)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Format is JsonReport)
        {
            return merged.Json;
        }

        return request.Format is ConsoleReport && merged.Result is { } result ? ConsoleReport.Headline(result) + "\n" : null;
    }
}
