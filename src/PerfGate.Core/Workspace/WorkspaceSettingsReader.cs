using System.Globalization;
using Microsoft.Extensions.Configuration;
using PerfGate.Diagnostics;
using PerfGate.Yaml;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Workspace;

/// <summary>
/// Reads perfgate.yaml strictly, then layers the overridable settings with Microsoft.Extensions.Configuration:
/// the file's values first, the caller's overrides (environment, then command line) on top.
/// </summary>
public static class WorkspaceSettingsReader
{
    /// <summary>Where a setting set from the environment or command line is reported.</summary>
    public static readonly SourceLocation OverrideLocation = new(DocumentNames.CommandLine);

    public static WorkspaceSettings? Read(YamlMappingNode root, string file, IReadOnlyDictionary<string, string?>? overrides, ICollection<Diagnostic> diagnostics)
    {
        var r = new YamlMappingReader(root, file, diagnostics, "perfgate.yaml");
        var catalog = r.StringList("catalog", allowEmpty: true) ?? [];
        var scenarios = r.StringList("scenarios", allowEmpty: true) ?? [];
        var baselines = r.String("baselines");
        var tolerances = ReadTolerances(r);
        var accepted = ReadAccepted(r);
        var rounding = r.Mapping("rounding");
        var digits = rounding?.Int("significantDigits", min: 1, max: 17);
        rounding?.Complete();
        var reports = r.Mapping("reports");
        var reportsDirectory = reports?.String("directory");
        var formatSpellings = WorkspaceSettingKeys.ReportFormatNames.Select(f => new KeyValuePair<string, int>(f, 0)).ToList();
        var formats = reports?.Items("formats", false, true, (n, name) => reports.ParseEnum(n, name, formatSpellings) is null ? null : ((YamlScalarNode)n).Value);
        reports?.Complete();
        var measuredGates = MeasuredGatesReader.Read(r);
        r.Complete();

        // Layer: file values, then overrides (environment, then command line, already in order).
        var fileValues = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            [WorkspaceSettingKeys.Baselines] = baselines,
            [WorkspaceSettingKeys.SignificantDigits] = digits?.ToString(CultureInfo.InvariantCulture),
            [WorkspaceSettingKeys.ReportsDirectory] = reportsDirectory,
            [WorkspaceSettingKeys.ReportFormats] = formats is null ? null : string.Join(',', formats),
        };
        var layered = new ConfigurationBuilder()
            .AddInMemoryCollection(fileValues.Where(kv => kv.Value is not null))
            .AddInMemoryCollection(overrides ?? new Dictionary<string, string?>())
            .Build();

        var locations = new Dictionary<string, SourceLocation>(r.KeyLocations, StringComparer.Ordinal);
        foreach (var listKey in new[] { "catalog", "scenarios" })
        {
            if (r.ValueNode(listKey) is YamlSequenceNode seq)
            {
                for (var i = 0; i < seq.Children.Count; i++)
                {
                    locations[string.Create(CultureInfo.InvariantCulture, $"{listKey}[{i}]")] = YamlLocations.Of(file, seq.Children[i]);
                }
            }
        }

        var overridden = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var key in overrides?.Keys ?? Enumerable.Empty<string>())
        {
            var known = WorkspaceSettingKeys.All.Select(k => k.Key).ToList();
            var match = known.FirstOrDefault(k => string.Equals(k, key, StringComparison.OrdinalIgnoreCase));
            if (match is null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"unknown setting '{key}'{Suggestions.DidYouMean(key, known)}. Settings that may be overridden: {Suggestions.List(known)}", OverrideLocation));
                continue;
            }

            overridden.Add(match);
            locations[match.Replace(':', '.')] = OverrideLocation;
        }

        var finalDigits = digits ?? 6;
        if (overridden.Contains(WorkspaceSettingKeys.SignificantDigits))
        {
            var text = layered[WorkspaceSettingKeys.SignificantDigits];
            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out finalDigits) || finalDigits is < 1 or > 17)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"setting '{WorkspaceSettingKeys.SignificantDigits}' is '{text}'; it must be a whole number from 1 to 17", OverrideLocation));
                finalDigits = 6;
            }
        }

        var finalFormats = formats ?? [];
        if (overridden.Contains(WorkspaceSettingKeys.ReportFormats))
        {
            var list = (layered[WorkspaceSettingKeys.ReportFormats] ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var bad = list.Where(f => !WorkspaceSettingKeys.ReportFormatNames.Contains(f, StringComparer.Ordinal)).ToList();
            foreach (var f in bad)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"setting '{WorkspaceSettingKeys.ReportFormats}' names '{f}'{Suggestions.DidYouMean(f, WorkspaceSettingKeys.ReportFormatNames)}. Valid formats: {Suggestions.List(WorkspaceSettingKeys.ReportFormatNames)}", OverrideLocation));
            }

            finalFormats = list.Except(bad).ToList();
        }

        var finalBaselines = layered[WorkspaceSettingKeys.Baselines];
        if (string.IsNullOrWhiteSpace(finalBaselines))
        {
            if (finalBaselines is not null)
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, "the baselines folder is blank; give a folder relative to the workspace root", overridden.Contains(WorkspaceSettingKeys.Baselines) ? OverrideLocation : r.ValueLocationOf("baselines")));
            }

            finalBaselines = "baselines";
        }

        // Errors here are already reported; the settings still carry every value that was readable (and the
        // defaults for the rest), so the loader goes on to report the scenarios' and catalog's problems too:
        // one run shows everything that is wrong. The workspace itself is refused because errors exist.
        return new WorkspaceSettings
        {
            CatalogFolders = catalog,
            ScenarioPatterns = scenarios,
            Baselines = finalBaselines,
            Tolerances = tolerances ?? [],
            Accepted = accepted,
            MeasuredGates = measuredGates,
            SignificantDigits = finalDigits,
            ReportsDirectory = string.IsNullOrWhiteSpace(layered[WorkspaceSettingKeys.ReportsDirectory]) ? null : layered[WorkspaceSettingKeys.ReportsDirectory],
            ReportFormats = finalFormats,
            KeyLocations = new SortedDictionary<string, SourceLocation>(locations, StringComparer.Ordinal),
        };
    }

    private static List<ToleranceRule>? ReadTolerances(YamlMappingReader r)
    {
        var items = r.MappingList("tolerances");
        if (items is null)
        {
            return null;
        }

        var rules = new List<ToleranceRule>();
        foreach (var item in items)
        {
            var scenario = item.String("scenario") ?? "*";
            var metric = item.String("metric", required: true);
            var relative = ReadRelative(item);
            var absolute = item.Double("absolute", min: 0);
            var failOn = item.Enum("fail", FailOnSpellings);
            if (relative is null && absolute is null && !item.Has("relative") && !item.Has("absolute") && !item.Has("fail"))
            {
                item.Report(DiagnosticIds.MissingField, $"{item.Context} needs 'relative' (e.g. \"0.5%\" or 0.005) and/or 'absolute' (in the metric's unit), or 'fail: regressions'", item.Node);
            }

            item.Complete();
            if (metric is not null)
            {
                rules.Add(new ToleranceRule(scenario, metric, relative, absolute, item.Location, failOn ?? Gate.ToleranceFailOn.Any));
            }
        }

        return rules;
    }

    /// <summary>The spellings of a tolerance's <c>fail:</c>.</summary>
    public static IReadOnlyList<KeyValuePair<string, Gate.ToleranceFailOn>> FailOnSpellings { get; } =
    [
        new("any", Gate.ToleranceFailOn.Any), new("regressions", Gate.ToleranceFailOn.Regressions),
    ];

    private static List<AcceptedDifferenceRule> ReadAccepted(YamlMappingReader r)
    {
        var rules = new List<AcceptedDifferenceRule>();
        foreach (var item in r.MappingList("accepted") ?? [])
        {
            var scenario = item.String("scenario") ?? "*";
            var metric = item.String("metric", required: true);
            var reason = item.String("reason", required: true);
            if (reason is not null && string.IsNullOrWhiteSpace(reason))
            {
                item.Report(DiagnosticIds.InvalidValue, $"'{item.Qualify("reason")}' is blank; say why this difference is accepted (a reviewer reads it in every report)", item.ValueLocationOf("reason"));
            }

            DateOnly? expires = null;
            if (item.String("expires") is { } text)
            {
                if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    expires = date;
                }
                else
                {
                    item.Report(DiagnosticIds.InvalidValue, $"'{item.Qualify("expires")}' is '{text}'; write a date as YYYY-MM-DD, e.g. 2026-12-31", item.ValueLocationOf("expires"));
                }
            }

            item.Complete();
            if (metric is not null && !string.IsNullOrWhiteSpace(reason))
            {
                rules.Add(new AcceptedDifferenceRule(scenario, metric, reason, expires, item.Location));
            }
        }

        return rules;
    }

    /// <summary>"0.5%" or a fraction such as 0.005.</summary>
    private static double? ReadRelative(YamlMappingReader item)
    {
        var node = item.ValueNode("relative");
        if (node is YamlScalarNode { Value: { } text } && text.TrimEnd().EndsWith('%'))
        {
            var number = text.TrimEnd()[..^1].Trim();
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var pct) && double.IsFinite(pct) && pct >= 0)
            {
                return pct / 100;
            }

            item.Report(DiagnosticIds.InvalidValue, $"'{item.Qualify("relative")}' is '{text}'; write a percentage such as \"0.5%\" or a fraction such as 0.005", node);
            return null;
        }

        return item.Double("relative", min: 0);
    }
}
