using System.Globalization;
using System.Text.RegularExpressions;
using PerfGate.Diagnostics;
using PerfGate.Measurements;
using PerfGate.Measurements.Gate;
using PerfGate.Yaml;
using YamlDotNet.RepresentationModel;

namespace PerfGate.Workspace;

/// <summary>
/// perfgate.yaml's <c>measured:</c> list: one gate per item, <c>name</c> required, the rest defaulting to
/// <see cref="MeasuredGateOptions.Default"/>:
/// <code>
/// measured:
///   - name: qwen2-72b-a100        # baseline reports in &lt;baselines&gt;/measured/qwen2-72b-a100/
///     test: welch                 # or mann-whitney
///     alpha: 0.01
///     floor: 5%                   # or 0.05
///     minRuns: 3
///     format: guidellm-json       # only when the reports cannot be recognised
///     thresholds: { ttft: 10%, itl.p99: 20% }
/// </code>
/// Every bad value is a located error (the item's key or value).
/// </summary>
public static partial class MeasuredGatesReader
{
    public const string Key = "measured";

    /// <summary>The spellings of the significance tests.</summary>
    public static IReadOnlyList<KeyValuePair<string, SignificanceTest>> Tests { get; } =
        [new("welch", SignificanceTest.Welch), new("mann-whitney", SignificanceTest.MannWhitney)];

    public static IReadOnlyList<MeasuredGateSpec> Read(YamlMappingReader root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var items = root.MappingList(Key);
        if (items is null)
        {
            return [];
        }

        var gates = new List<MeasuredGateSpec>();
        var seen = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var name = item.String("name", required: true);
            if (name is not null && !Name().IsMatch(name))
            {
                item.Report(DiagnosticIds.InvalidValue, $"'{item.Qualify("name")}' is '{name}'; a gate's name is the folder of its baseline under <baselines>/measured/: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit (e.g. qwen2-72b-a100)", item.ValueLocationOf("name"));
                name = null;
            }
            else if (name is not null && seen.TryGetValue(name, out var first))
            {
                item.Report(DiagnosticIds.DuplicateId, $"measured gate '{name}' is declared twice (first at line {first.Line}); give each gate its own name", item.ValueLocationOf("name"));
                name = null;
            }

            var test = item.Enum("test", Tests) ?? MeasuredGateOptions.Default.Test;
            var alpha = item.Double("alpha", min: 0, exclusiveMin: true, max: 0.5) ?? MeasuredGateOptions.Default.Alpha;
            var floor = Percent(item, item.ValueNode("floor"), item.Qualify("floor")) ?? MeasuredGateOptions.Default.Floor;
            var minRuns = item.Int("minRuns", min: 1, max: 1000) ?? MeasuredGateOptions.Default.MinRuns;
            var format = item.String("format");
            if (format is not null && MeasuredFormats.ById(format) is null)
            {
                var ids = MeasuredFormats.All.Select(f => f.Id).ToList();
                item.Report(DiagnosticIds.InvalidValue, $"'{item.Qualify("format")}' is '{format}'{Suggestions.DidYouMean(format, ids)}; use one of {Suggestions.List(ids)}, or leave it out to recognise each report", item.ValueLocationOf("format"));
            }

            var floors = Thresholds(item);
            item.Complete();
            if (name is not null)
            {
                seen[name] = item.Location;
                gates.Add(new MeasuredGateSpec(name, new MeasuredGateOptions(test, alpha, floor, minRuns, floors), format, item.Location));
            }
        }

        return gates;
    }

    private static Dictionary<string, double> Thresholds(YamlMappingReader item)
    {
        var floors = new Dictionary<string, double>(StringComparer.Ordinal);
        var node = item.ValueNode("thresholds");
        if (node is null)
        {
            return floors;
        }

        if (node is not YamlMappingNode map)
        {
            item.Report(DiagnosticIds.WrongType, $"'{item.Qualify("thresholds")}' must map metrics to floors, e.g. {{ ttft: 10%, itl.p99: 20% }}, not {YamlDescriptions.Describe(node)}", node);
            return floors;
        }

        var kinds = MeasuredMetricKinds.All.Select(k => k.Key).ToList();
        foreach (var (keyNode, value) in map.Children)
        {
            var metric = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var kind = metric.Split('.')[0];
            if (MeasuredMetricKinds.ByKey(kind) is null)
            {
                item.Report(DiagnosticIds.UnknownKey, $"'{item.Qualify("thresholds")}' names '{metric}'{Suggestions.DidYouMean(kind, kinds)}; a threshold's key is a metric ({Suggestions.List(kinds)}), optionally with a statistic (ttft.p99)", keyNode);
                continue;
            }

            if (Percent(item, value, $"{item.Qualify("thresholds")}.{metric}") is { } floor)
            {
                floors[metric] = floor;
            }
        }

        return floors;
    }

    /// <summary>"5%" or a fraction such as 0.05 (at least 0); null when absent or bad (reported).</summary>
    private static double? Percent(YamlMappingReader item, YamlNode? node, string name)
    {
        if (node is null)
        {
            return null;
        }

        var text = (node as YamlScalarNode)?.Value?.Trim() ?? string.Empty;
        var percent = text.EndsWith('%');
        var number = percent ? text[..^1].Trim() : text;
        if (node is YamlScalarNode && double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) && value >= 0)
        {
            return percent ? value / 100 : value;
        }

        item.Report(DiagnosticIds.InvalidValue, $"'{name}' is '{text}'; write the least relative change that counts as a percentage such as 5% or a fraction such as 0.05", node);
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Name();
}
