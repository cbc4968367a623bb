using System.CommandLine;
using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Implementations;
using PerfGate.Memory.Engines;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Workspace;
using PerfGate.Yaml;

namespace PerfGate.Cli.Commands;

/// <summary>Parses the enumerated option values shared by <c>estimate</c> and <c>search</c> (internal).</summary>
internal static class OptionParsing
{
    /// <summary>
    /// A number option parsed with the invariant culture and no thousands separators, whatever the user's culture:
    /// "0,8" is refused instead of read as 8 (invariant) or 0.8 (de-DE). NaN and infinities are left to the range checks.
    /// </summary>
    public static Option<double> Number(string name, string description, double defaultValue) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => defaultValue,
        CustomParser = result =>
        {
            var text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : null;
            if (text is null)
            {
                return defaultValue;
            }

            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            result.AddError($"'{text}' is not a number for {name}; write it with '.' as the decimal separator and no thousands separators, e.g. {defaultValue.ToString(CultureInfo.InvariantCulture)}");
            return defaultValue;
        },
    };

    public static DataType? DataType(string? text, string option, ICollection<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (DataTypeExtensions.TryParse(text, out var t))
        {
            return t;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option}: '{text}' is not a data type; use one of {string.Join(", ", DataTypeExtensions.AllIds)}", SourceLocation.None));
        return null;
    }

    public static PipelineKind? Pipeline(string? text, ICollection<Diagnostic> diagnostics) =>
        OneOf<PipelineKind>(text, "--pipeline", [.. ScenarioSpellings.Pipelines, new("dual-mbatch", PipelineKind.DualMicroBatch)], diagnostics);

    public static EfficiencySource? Efficiency(string? text, ICollection<Diagnostic> diagnostics) =>
        OneOf(text, "--efficiency", ScenarioSpellings.Efficiencies, diagnostics);

    /// <summary>--layers: as-built (every layer as the model has it) or seed (seed 002: sparse-layer time x all layers).</summary>
    public static LayerTreatment? Layers(string? text, ICollection<Diagnostic> diagnostics) =>
        OneOf<LayerTreatment>(text, "--layers", [new("as-built", LayerTreatment.AsBuilt), new("sparse-times-all", LayerTreatment.SeedSparseTimesAllLayers)], diagnostics);

    /// <summary>
    /// --implementation: an id of the implementation registry (<see cref="ImplementationProfiles"/>, case-insensitive,
    /// trtllm for tensorrt-llm), or an error naming the valid ids with the nearest one.
    /// </summary>
    public static ImplementationProfile? Implementation(string? text, ICollection<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (ImplementationProfiles.Find(text) is { } profile)
        {
            return profile;
        }

        var ids = ImplementationProfiles.All.Select(p => p.Id).ToArray();
        diagnostics.Add(Diagnostic.Error(
            DiagnosticIds.InvalidSetting,
            $"--implementation: '{text}' is not valid{Suggestions.DidYouMean(text, ids)}; use one of {string.Join(", ", ids)}",
            SourceLocation.None));
        return null;
    }

    /// <summary>--engine, case-insensitive; tensorrt-llm is also accepted as trtllm (an alias, as in scenario YAML).</summary>
    public static IEngineConvention? Engine(string? text, ICollection<Diagnostic> diagnostics)
    {
        if (text is null)
        {
            return null;
        }

        if (MemoryEngines.Find(text.ToLowerInvariant()) is { } engine)
        {
            return engine;
        }

        diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--engine: '{text.ToLowerInvariant()}' is not valid; use one of {string.Join(", ", MemoryEngines.All.Select(e => e.Id))}", SourceLocation.None));
        return null;
    }

    /// <summary>
    /// One spelling of an enumerated option, or null: absent (the caller's default applies) or not a spelling (a
    /// diagnostic listing the first spelling of each value).
    /// </summary>
    private static T? OneOf<T>(string? text, string option, IReadOnlyList<KeyValuePair<string, T>> spellings, ICollection<Diagnostic> diagnostics)
        where T : struct
    {
        if (text is null)
        {
            return null;
        }

        foreach (var (spelling, value) in spellings)
        {
            if (spelling == text)
            {
                return value;
            }
        }

        var valid = spellings.DistinctBy(s => s.Value).Select(s => s.Key).ToArray();
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option}: '{text}' is not valid{Suggestions.DidYouMean(text, valid)}; use one of {string.Join(", ", valid)}", SourceLocation.None));
        return null;
    }
}
