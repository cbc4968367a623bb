using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using PerfGate.Gate;

namespace PerfGate.Reports;

/// <summary>
/// The machine-readable report (schema "perfgate-check/2"): summary counts, then per scenario its status,
/// baseline path, approve command, changed inputs and settings, every differing figure with old,
/// new, unit, direction, label, change in percent, tolerance and baseline line, and (trend-ready, new in /2)
/// every current figure, moved or not, with its key, value, unit and direction: the metrics by key, then each
/// table's cells in row then column order (a removed scenario has none). Written with
/// <see cref="Utf8JsonWriter"/> (no reflection), invariant numbers, LF, two-space indent.
/// </summary>
public sealed class JsonReport : IReportFormat
{
    public string Name => "json";

    public IReadOnlyList<string> Aliases => [];

    public string? DefaultFileName => "perfgate.json";

    public bool GoesToJobSummary => false;

    /// <summary>The schema name; /2 added each scenario's <c>figures</c> (every other field is as in /1).</summary>
    public const string Schema = "perfgate-check/2";

    public string Render(GateResult result, ReportContext context)
    {
        var displayPath = context.DisplayPath;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true, NewLine = "\n", Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            WriteHeader(w, result);
            w.WriteStartArray("scenarios");
            foreach (var s in result.Scenarios)
            {
                Scenario(w, s, displayPath);
            }

            w.WriteEndArray();
            if (context.Shard is { } shard)
            {
                Shard(w, result, shard, displayPath);
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>
    /// A shard's report ends with its shard and its findings (as check prints them, without a severity: merge applies
    /// its own --drift-as), so that merge gives the annotations one check of the whole workspace gives. A magnitude
    /// of null is an unbounded one (new and removed scenarios, a figure that appeared).
    /// </summary>
    private static void Shard(Utf8JsonWriter w, GateResult result, Run.ScenarioShard shard, Func<string, string> displayPath)
    {
        w.WriteString("shard", shard.ToString());
        w.WriteStartArray("findings");
        foreach (var s in result.Scenarios)
        {
            foreach (var f in GateDiagnostics.Create(new GateResult([s]), Diagnostics.Severity.Error, displayPath))
            {
                w.WriteStartObject();
                w.WriteString("scenario", s.ScenarioId);
                w.WriteString("code", f.Diagnostic.Id);
                w.WriteString("message", f.Diagnostic.Message);
                w.WriteString("file", f.Diagnostic.Location.File);
                w.WriteNumber("line", f.Diagnostic.Location.Line);
                w.WriteNumber("column", f.Diagnostic.Location.Column);
                if (double.IsFinite(f.Magnitude))
                {
                    w.WriteNumber("magnitude", f.Magnitude);
                }
                else
                {
                    w.WriteNull("magnitude");
                }

                w.WriteNumber("importance", f.Importance);
                w.WriteEndObject();
            }
        }

        w.WriteEndArray();
    }

    /// <summary>The report's schema, verdict and summary counts: what a check's and a merged shard report's JSON share.</summary>
    internal static void WriteHeader(Utf8JsonWriter w, GateResult result)
    {
        w.WriteString("schema", Schema);
        w.WriteBoolean("passed", result.Passed);
        w.WriteStartObject("summary");
        w.WriteNumber("scenarios", result.Scenarios.Count);
        foreach (var status in Enum.GetValues<ScenarioStatus>())
        {
            w.WriteNumber(ReportFormat.Status(status), result.Count(status));
        }

        w.WriteEndObject();
    }

    private static void Scenario(Utf8JsonWriter w, ScenarioComparison s, Func<string, string> displayPath)
    {
        w.WriteStartObject();
        w.WriteString("id", s.ScenarioId);
        w.WriteString("status", ReportFormat.Status(s.Status));
        w.WriteBoolean("provenanceStale", s.ProvenanceStale);
        w.WriteString("baseline", displayPath(s.BaselinePath).Replace('\\', '/'));
        if (s.ScenarioLocation.IsKnown)
        {
            w.WriteString("scenarioFile", displayPath(s.ScenarioLocation.File).Replace('\\', '/'));
        }

        if (s.FailsGate)
        {
            w.WriteString("approve", s.ApproveCommand);
        }

        w.WriteStartArray("inputsChanged");
        foreach (var c in s.InputChanges)
        {
            w.WriteStartObject();
            w.WriteString("path", c.Path);
            w.WriteString("oldSha256", c.OldSha256);
            w.WriteString("newSha256", c.NewSha256);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("settingsChanged");
        foreach (var c in s.SettingChanges)
        {
            w.WriteStartObject();
            w.WriteString("key", c.Key);
            w.WriteString("old", c.Old);
            w.WriteString("new", c.New);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("drifts");
        foreach (var d in s.Drifts)
        {
            Drift(w, d);
        }

        w.WriteEndArray();
        w.WriteStartArray("figures");
        foreach (var m in s.Current?.AllFigures() ?? [])
        {
            w.WriteStartObject();
            w.WriteString("key", m.Key);
            Value(w, "value", m.Value);
            w.WriteString("unit", m.Unit);
            w.WriteString("direction", ReportFormat.Direction(m.Direction));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Drift(Utf8JsonWriter w, MetricDrift d)
    {
        w.WriteStartObject();
        w.WriteString("key", d.Key);
        w.WriteString("kind", d.Kind switch { DriftKind.Added => "added", DriftKind.Removed => "removed", _ => "changed" });
        Value(w, "old", d.Old);
        Value(w, "new", d.New);
        w.WriteString("unit", d.Unit);
        w.WriteString("direction", ReportFormat.Direction(d.Direction));
        w.WriteString("label", ReportFormat.Label(d.Label));
        if (d.ChangePercent is { } p)
        {
            w.WriteNumber("changePercent", SignificantDigits.Round(p, SignificantDigits.Default));
        }
        else
        {
            w.WriteNull("changePercent");
        }

        w.WriteString("tolerance", d.Tolerance?.Describe() ?? "exact");
        w.WriteBoolean("withinTolerance", d.Tolerated);
        if (d.PassedBecause is { } why)
        {
            w.WriteString("passedBecause", why);
        }
        w.WriteNumber("line", d.BaselineLine);
        w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, string name, SnapshotValue? value)
    {
        switch (value)
        {
            case null: w.WriteNull(name); break;
            case { Kind: SnapshotValueKind.Number } v: w.WriteNumber(name, v.Number); break;
            case { Kind: SnapshotValueKind.Boolean } v: w.WriteBoolean(name, v.Boolean); break;
            case { } v: w.WriteString(name, v.Text); break;
        }
    }
}
