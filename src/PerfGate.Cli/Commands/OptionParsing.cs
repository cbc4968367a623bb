using System.CommandLine;
using System.Globalization;
using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Scenarios;

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

    public static PipelineKind? Pipeline(string? text, ICollection<Diagnostic> diagnostics) => text switch
    {
        null => null,
        "naive" => PipelineKind.Naive,
        "dual-micro-batch" or "dual-mbatch" => PipelineKind.DualMicroBatch,
        _ => Bad<PipelineKind>("--pipeline", text, "naive, dual-micro-batch", diagnostics),
    };

    public static EfficiencySource? Efficiency(string? text, ICollection<Diagnostic> diagnostics) => text switch
    {
        null => null,
        "seed" => EfficiencySource.Seed,
        "measured" => EfficiencySource.Measured,
        "roofline" => EfficiencySource.Roofline,
        _ => Bad<EfficiencySource>("--efficiency", text, "seed, measured, roofline", diagnostics),
    };

    private static T? Bad<T>(string option, string text, string valid, ICollection<Diagnostic> diagnostics)
        where T : struct
    {
        diagnostics.Add(Diagnostic.Error(DiagnosticIds.InvalidSetting, $"{option}: '{text}' is not valid; use one of {valid}", SourceLocation.None));
        return null;
    }
}
