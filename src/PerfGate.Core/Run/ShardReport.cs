using System.Globalization;
using System.Text.Json;
using PerfGate.Diagnostics;
using PerfGate.Gate;
using PerfGate.Reports;
using PerfGate.Syntax;

namespace PerfGate.Run;

/// <summary>One shard's JSON report as <see cref="ShardMerge"/> reads it: its shard, its scenarios (kept as parsed JSON) and its findings.</summary>
internal sealed class ShardReport
{
    private static readonly Dictionary<string, ScenarioStatus> Statuses =
        Enum.GetValues<ScenarioStatus>().ToDictionary(ReportFormat.Status, StringComparer.Ordinal);

    public required string File { get; init; }

    public required ScenarioShard Shard { get; init; }

    public required SourceLocation ShardLocation { get; init; }

    public required IReadOnlyList<ReportedScenario> Scenarios { get; init; }

    public required IReadOnlyList<(string ScenarioId, GateFinding Finding)> Findings { get; init; }

    public static ShardReport? Read(string file, byte[] utf8, List<Diagnostic> errors)
    {
        var root = LocatedJson.Parse(utf8, file, DiagnosticIds.ShardReportSyntax,
            "a shard report is the JSON report of perfgate check --shard i/n", "write it again with perfgate check --shard i/n --report json=FILE", out var syntax);
        if (root is null)
        {
            errors.Add(syntax!);
            return null;
        }

        var before = errors.Count;
        var at = new SourceLocation(file, 1, 1);
        if (!root.IsObject || root["schema"] is not { Kind: JsonTokenType.String } schema || schema.Text != JsonReport.Schema)
        {
            errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportSyntax,
                $"not a perfgate check JSON report: its schema is {root["schema"]?.Describe() ?? "missing"}, expected \"{JsonReport.Schema}\"; merge reads the JSON reports of perfgate check --shard i/n",
                root["schema"]?.Location ?? at));
            return null;
        }

        var shardValue = root["shard"];
        if (shardValue is null)
        {
            errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportMismatch,
                "the report has no \"shard\": it is the report of a whole workspace, not of one shard; merge joins the reports of perfgate check --shard i/n",
                at));
            return null;
        }

        if (shardValue.Kind != JsonTokenType.String || !ScenarioShard.TryParse(shardValue.Text, out var shard, out var shardError))
        {
            errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportSyntax, $"\"shard\" is {shardValue.Describe()}, expected INDEX/COUNT such as \"1/4\"", shardValue.Location));
            return null;
        }

        var scenarios = new List<ReportedScenario>();
        foreach (var item in Array(root, "scenarios", at, errors))
        {
            if (!item.IsObject
                || item["id"] is not { Kind: JsonTokenType.String, Text: { Length: > 0 } id }
                || item["status"] is not { Kind: JsonTokenType.String } status
                || !Statuses.TryGetValue(status.Text!, out var parsedStatus)
                || item["baseline"] is not { Kind: JsonTokenType.String, Text: { } baseline })
            {
                errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportSyntax,
                    $"a scenario needs \"id\", \"status\" (one of {string.Join(", ", Statuses.Keys)}) and \"baseline\"; this one is {item.Describe()} without them",
                    item.Location));
                continue;
            }

            scenarios.Add(new ReportedScenario(id, parsedStatus, baseline, item.Location, item));
        }

        var findings = new List<(string, GateFinding)>();
        foreach (var item in Array(root, "findings", at, errors))
        {
            if (Finding(item) is { } finding)
            {
                findings.Add(finding);
                continue;
            }

            errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportSyntax,
                "a finding needs \"scenario\", \"code\", \"message\", \"file\", \"line\", \"column\", \"magnitude\" (a number or null) and \"importance\"",
                item.Location));
        }

        return errors.Count > before ? null : new ShardReport { File = file, Shard = shard, ShardLocation = shardValue.Location, Scenarios = scenarios, Findings = findings };
    }

    private static IReadOnlyList<LocatedJson> Array(LocatedJson root, string key, SourceLocation at, List<Diagnostic> errors)
    {
        if (root[key] is { Kind: JsonTokenType.StartArray } array)
        {
            return array.Items!;
        }

        errors.Add(Diagnostic.Error(DiagnosticIds.ShardReportSyntax, $"\"{key}\" is {root[key]?.Describe() ?? "missing"}, expected an array", root[key]?.Location ?? at));
        return [];
    }

    private static (string, GateFinding)? Finding(LocatedJson item)
    {
        if (!item.IsObject
            || item["scenario"] is not { Kind: JsonTokenType.String, Text: { } scenario }
            || item["code"] is not { Kind: JsonTokenType.String, Text: { } code }
            || item["message"] is not { Kind: JsonTokenType.String, Text: { } message }
            || item["file"] is not { Kind: JsonTokenType.String, Text: { } file }
            || item["line"] is not { } line || !line.TryGetInt(out var lineNumber)
            || item["column"] is not { } column || !column.TryGetInt(out var columnNumber)
            || item["importance"] is not { } importance || !importance.TryGetInt(out var importanceValue)
            || item["magnitude"] is not { } magnitude)
        {
            return null;
        }

        double size;
        if (magnitude.Kind == JsonTokenType.Null)
        {
            size = double.PositiveInfinity; // JSON has no infinity: null stands for a new or removed scenario's unbounded change
        }
        else if (magnitude.Kind != JsonTokenType.Number || !double.TryParse(magnitude.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out size))
        {
            return null;
        }

        var diagnostic = Diagnostic.Error(code, message, new SourceLocation(file, lineNumber, columnNumber));
        return (scenario, new GateFinding(diagnostic, size, importanceValue));
    }

    /// <summary>A scenario of the report: what the verdict needs, and its JSON object as written.</summary>
    public sealed record ReportedScenario(string Id, ScenarioStatus Status, string Baseline, SourceLocation Location, LocatedJson Json);
}
