using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation;
using PerfGate.Estimation.Calibration;
using PerfGate.Workspace;

namespace PerfGate.Run;

/// <summary>
/// Seed 002's configuration search from a front end's arguments: the model (a mixture of experts), the cards and NICs
/// (the DeepSeek EP post's when none are named) resolved through <see cref="CatalogResolver"/>, the target checked, the
/// measured tables loaded when the efficiency is measured, then <see cref="ConfigurationSearch"/>.
/// </summary>
public static class SearchRun
{
    public static SearchAnswer Answer(SearchArguments arguments, CatalogResolver resolver)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(resolver);
        var a = arguments;
        var problems = new List<Diagnostic>();
        var model = resolver.Model(a.Model);
        var cards = Split(a.Hardware, SearchArguments.DefaultHardware, "--hardware", "a card id or YAML path, e.g. --hardware h800,h20", problems).Select(resolver.Hardware).ToArray();
        var nics = Split(a.Nics, SearchArguments.DefaultNics, "--nic", "a NIC id or YAML path, e.g. --nic cx7-400g", problems).Select(resolver.Nic).ToArray();
        if (model is { Moe: null })
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidParallelism, $"--model: the search explores expert parallelism (EP 72, 144, 320) and needs a mixture-of-experts model, but {model.Id} is dense; use a MoE model (e.g. deepseek-v3) or 'perfgate estimate' for a dense one", model.Location));
        }

        var efficiency = OptionValues.Efficiency(a.Efficiency, problems) ?? EfficiencySource.Seed;
        var layers = OptionValues.Layers(a.Layers, problems) ?? LayerTreatment.SeedSparseTimesAllLayers;
        if (!(a.Target > 0 && a.Target <= SearchArguments.MaxTarget))
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, string.Create(CultureInfo.InvariantCulture, $"--target: {a.Target} must be a positive number of tokens per second per user, at most {SearchArguments.MaxTarget} (the DeepSeek EP post: 20 or 15)"), SourceLocation.None));
        }

        if (model is null || resolver.HasErrors || problems.Count > 0)
        {
            return new SearchAnswer(null, [.. resolver.Diagnostics, .. problems]);
        }

        var calibration = new Dictionary<string, CalibrationTables>(StringComparer.Ordinal);
        if (efficiency == EfficiencySource.Measured)
        {
            foreach (var hardware in cards)
            {
                if (resolver.Calibration(hardware!) is { } tables)
                {
                    calibration[hardware!.Id] = tables;
                }
            }

            if (resolver.HasErrors)
            {
                return new SearchAnswer(null, [.. resolver.Diagnostics]);
            }
        }

        var result = ConfigurationSearch.Run(new SearchRequest
        {
            Model = model,
            Hardware = cards!,
            Nics = nics!,
            TargetUserTokensPerSecond = a.Target,
            Efficiency = efficiency,
            Layers = layers,
            Calibration = calibration,
        });
        return new SearchAnswer(result, result.Diagnostics);
    }

    /// <summary>The values, each item split at commas; the defaults when none is given; an error when given but empty.</summary>
    private static IReadOnlyList<string> Split(IReadOnlyList<string> values, IReadOnlyList<string> defaults, string option, string example, List<Diagnostic> problems)
    {
        if (values.Count == 0)
        {
            return defaults;
        }

        var split = values.SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (split.Length == 0)
        {
            problems.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option} names nothing; give at least {example}, or leave the option out for the DeepSeek EP post's defaults ({string.Join(", ", defaults)})", SourceLocation.None));
        }

        return split;
    }
}
