using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Cli.Commands;

/// <summary>Parses the enumerated option values shared by <c>estimate</c> and <c>search</c> (internal).</summary>
internal static class OptionParsing
{
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
