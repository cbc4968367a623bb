using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Reports;
using PerfGate.Syntax;

namespace PerfGate.Run;

/// <summary>
/// <c>perfgate merge</c>: joins the JSON reports of <c>perfgate check --shard i/n</c> (one per shard, any order) into
/// one verdict. The reports must be JSON reports of schema <see cref="JsonReport.Schema"/> with a <c>shard</c>, all
/// of one shard count, each shard exactly once, and every scenario in the shard that owns its id
/// (<see cref="ScenarioShard"/>); anything else is a located PG5201 (malformed) or PG5202 (mismatched) error.
/// </summary>
public static partial class ShardMerge
{
    public static ShardMergeResult Merge(IReadOnlyList<(string File, byte[] Utf8)> reports)
    {
        ArgumentNullException.ThrowIfNull(reports);
        var errors = new List<Diagnostic>();
        var parsed = new List<ShardReport>();
        foreach (var (file, utf8) in reports)
        {
            if (ShardReport.Read(file, utf8, errors) is { } report)
            {
                parsed.Add(report);
            }
        }

        if (errors.Count == 0)
        {
            CheckTheyBelongTogether(parsed, errors);
        }

        if (errors.Count > 0)
        {
            return new ShardMergeResult { Errors = errors };
        }

        var scenarios = parsed.SelectMany(r => r.Scenarios).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        var findings = parsed.SelectMany(r => r.Findings)
            .Select((f, i) => (f, i))
            .OrderBy(x => x.f.ScenarioId, StringComparer.Ordinal)
            .ThenBy(x => x.i) // a shard lists its findings in check's order; scenarios never span two shards
            .Select(x => x.f.Finding)
            .ToList();
        var result = new GateResult(scenarios.Select(ShardFigures.Comparison).ToArray());
        return new ShardMergeResult { Result = result, Findings = findings, Json = WriteJson(result, scenarios) };
    }

    private static void CheckTheyBelongTogether(List<ShardReport> reports, List<Diagnostic> errors)
    {
        var count = reports[0].Shard.Count;
        var seen = new Dictionary<int, ShardReport>();
        foreach (var report in reports)
        {
            if (report.Shard.Count != count)
            {
                errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportMismatch,
                    string.Create(CultureInfo.InvariantCulture, $"shard {report.Shard} does not belong with {reports[0].File} (shard {reports[0].Shard}): every report must come from the same split, --shard i/{count}"),
                    report.ShardLocation));
            }
            else if (!seen.TryAdd(report.Shard.Index, report))
            {
                errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportMismatch,
                    $"shard {report.Shard} is given twice, also by {seen[report.Shard.Index].File}; give each shard's report once",
                    report.ShardLocation));
            }
        }

        var missing = Enumerable.Range(1, count).Where(i => !seen.ContainsKey(i)).ToList();
        if (errors.Count == 0 && missing.Count > 0)
        {
            errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportMismatch,
                string.Create(CultureInfo.InvariantCulture, $"the report of shard(s) {string.Join(", ", missing.Select(i => $"{i}/{count}"))} is missing; merge needs the reports of all {count} shards, or the verdict would leave their scenarios out"),
                SourceLocation.None));
        }

        var owner = new Dictionary<string, ShardReport>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            foreach (var s in report.Scenarios)
            {
                var belongs = ScenarioShard.Of(s.Id, report.Shard.Count);
                if (belongs != report.Shard.Index)
                {
                    errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportMismatch,
                        string.Create(CultureInfo.InvariantCulture, $"scenario '{s.Id}' belongs to shard {belongs}/{report.Shard.Count}, not to this report's shard {report.Shard}; the report was not written by perfgate check --shard {report.Shard}, or was edited"),
                        s.Location));
                }
                else if (!owner.TryAdd(s.Id, report))
                {
                    errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportMismatch,
                        $"scenario '{s.Id}' is also in {owner[s.Id].File}; a scenario is checked by one shard only",
                        s.Location));
                }
            }
        }
    }

    /// <summary>The JSON report of the whole workspace, written as <see cref="JsonReport"/> writes it; each scenario's object is copied as its shard wrote it.</summary>
    private static string WriteJson(GateResult result, List<ShardReport.ReportedScenario> scenarios)
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            JsonReport.WriteHeader(w, result);
            w.WriteStartArray("scenarios");
            foreach (var s in scenarios)
            {
                Copy(w, s.Json);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    private static void Copy(Utf8JsonWriter w, LocatedJson node)
    {
        switch (node.Kind)
        {
            case JsonTokenType.StartObject:
                w.WriteStartObject();
                foreach (var (key, value) in node.Properties!)
                {
                    w.WritePropertyName(key);
                    Copy(w, value);
                }

                w.WriteEndObject();
                break;
            case JsonTokenType.StartArray:
                w.WriteStartArray();
                foreach (var item in node.Items!)
                {
                    Copy(w, item);
                }

                w.WriteEndArray();
                break;
            case JsonTokenType.String: w.WriteStringValue(node.Text); break;
            case JsonTokenType.Number: w.WriteRawValue(node.Text!); break;
            case JsonTokenType.True: w.WriteBooleanValue(true); break;
            case JsonTokenType.False: w.WriteBooleanValue(false); break;
            case JsonTokenType.Null: w.WriteNullValue(); break;
            default: throw new InvalidOperationException($"a parsed JSON value cannot be {node.Kind}");
        }
    }
}
