using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Implementations;
using PerfGate.Memory.Engines;
using PerfGate.Prefill;
using PerfGate.Quantities;
using PerfGate.Scenarios;
using PerfGate.Yaml;

namespace PerfGate.Workspace;

/// <summary>
/// Reads the enumerated values a front end takes as text (<c>--weights-dtype</c>, <c>--pipeline</c>, <c>--engine</c>, ...)
/// with the spellings the YAML readers use (<see cref="ScenarioSpellings"/>, <see cref="PrefillSpellings"/>, the engine and
/// implementation registries). Each returns null when the value is absent (the caller's default applies) or not a spelling:
/// then an error names the option, the bad value and the valid ones, with the nearest where one is close.
/// </summary>
public static class OptionValues
{
    /// <summary>A data type: the YAML spellings and HuggingFace's (bfloat16, w8a8, ...); case-insensitive.</summary>
    public static DataType? DataType(string? text, string option, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
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

    /// <summary>--pipeline: the YAML spellings, and the DeepSeek EP post's <c>dual-mbatch</c> (its tables' spelling).</summary>
    public static PipelineKind? Pipeline(string? text, ICollection<Diagnostic> diagnostics) =>
        OneOf<PipelineKind>(text, "--pipeline", [.. ScenarioSpellings.Pipelines, new("dual-mbatch", PipelineKind.DualMicroBatch)], diagnostics);

    public static EfficiencySource? Efficiency(string? text, ICollection<Diagnostic> diagnostics) =>
        OneOf(text, "--efficiency", ScenarioSpellings.Efficiencies, diagnostics);

    /// <summary>--layers: as-built (every layer as the model has it) or sparse-times-all (seed 002: sparse-layer time x all layers).</summary>
    public static LayerTreatment? Layers(string? text, ICollection<Diagnostic> diagnostics) =>
        OneOf(text, "--layers", ScenarioSpellings.Layers, diagnostics);

    /// <summary>--overlap: how a prefix's KV load meets the compute (<see cref="PrefillSpellings.Overlaps"/>); no "did you mean" for two short words.</summary>
    public static KvLoadOverlap? Overlap(string? text, ICollection<Diagnostic> diagnostics) =>
        OneOf(text, "--overlap", PrefillSpellings.Overlaps, diagnostics, suggest: false);

    /// <summary>
    /// --implementation: an id of the implementation registry (<see cref="ImplementationProfiles"/>, case-insensitive,
    /// trtllm for tensorrt-llm), or an error naming the valid ids with the nearest one.
    /// </summary>
    public static ImplementationProfile? Implementation(string? text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        if (text is null)
        {
            return null;
        }

        if (ImplementationProfiles.Find(text) is { } profile)
        {
            return profile;
        }

        var ids = ImplementationProfiles.All.Select(p => p.Id).ToArray();
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"--implementation: '{text}' is not valid{Suggestions.DidYouMean(text, ids)}; use one of {string.Join(", ", ids)}", SourceLocation.None));
        return null;
    }

    /// <summary>--engine, case-insensitive; tensorrt-llm is also accepted as trtllm (an alias, as in scenario YAML).</summary>
    public static IEngineConvention? Engine(string? text, ICollection<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
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
    private static T? OneOf<T>(string? text, string option, IReadOnlyList<KeyValuePair<string, T>> spellings, ICollection<Diagnostic> diagnostics, bool suggest = true)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
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
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option}: '{text}' is not valid{(suggest ? Suggestions.DidYouMean(text, valid) : string.Empty)}; use one of {string.Join(", ", valid)}", SourceLocation.None));
        return null;
    }
}
