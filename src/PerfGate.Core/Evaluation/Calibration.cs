using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;

namespace PerfGate.Evaluation;

/// <summary>
/// Measured tables for hardware whose efficiency (or the scenario's) is <see cref="EfficiencySource.Measured"/>.
/// Embedded tables (<c>embedded:NAME</c>) come from PerfGate.Core's resources; tables in a folder are read by
/// the front end (the evaluator does no file I/O) and passed in <see cref="EvaluationRequest.Calibration"/>.
/// </summary>
internal static class Calibration
{
    public static CalibrationTables? For(EvaluationContext c, HardwareSpec hardware, EfficiencySource? requested, List<Diagnostic> problems)
    {
        var source = requested ?? hardware.Efficiency;
        if (source != EfficiencySource.Measured || hardware.CalibrationTables is not { } reference)
        {
            return null;
        }

        if (IsEmbedded(reference))
        {
            return CalibrationLoader.Load(reference, ".", problems, hardware.Location);
        }

        if (c.Request.Calibration.TryGetValue(hardware.Id, out var tables))
        {
            c.CalibrationUsed.Add(hardware.Id);
            return tables;
        }

        problems.Add(Diagnostic.Error(
            DiagnosticIds.EfficiencyDataMissing,
            $"hardware '{hardware.Id}' uses measured tables from '{reference}', which were not loaded; the caller reads folder tables with CalibrationLoader and passes them in EvaluationRequest.Calibration",
            hardware.Location));
        return null;
    }

    public static bool IsEmbedded(string reference) => reference.StartsWith(CalibrationLoader.EmbeddedPrefix, StringComparison.Ordinal);
}
