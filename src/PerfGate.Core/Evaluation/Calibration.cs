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
    public static CalibrationTables? For(EvaluationContext c, HardwareSpec hardware, EfficiencySource? requested, List<Diagnostic> problems) =>
        For(c, hardware, requested, problems, out _);

    /// <summary>
    /// As above; for hardware that borrows a sibling's tables (<c>calibration: {from: ID, transfer: spec-ratio}</c>)
    /// the sibling's tables, with the sibling in <paramref name="from"/> (the estimator transfers each time).
    /// </summary>
    public static CalibrationTables? For(EvaluationContext c, HardwareSpec hardware, EfficiencySource? requested, List<Diagnostic> problems, out HardwareSpec? from)
    {
        from = null;
        var source = requested ?? hardware.Efficiency;
        if (source != EfficiencySource.Measured)
        {
            return null;
        }

        if (hardware.CalibrationTransfer is { } transfer)
        {
            if (!c.Catalog.Hardware.TryGetValue(transfer.From, out var sibling) || sibling.CalibrationTables is null || sibling.CalibrationTransfer is not null)
            {
                problems.Add(Diagnostic.Error(
                    DiagnosticIds.EfficiencyDataMissing,
                    $"hardware '{hardware.Id}' borrows the calibration of '{transfer.From}', which is not a hardware profile with tables of its own; name one of {string.Join(", ", c.Catalog.Hardware.Values.Where(h => h.CalibrationTables is not null).Select(h => h.Id).Order(StringComparer.Ordinal))}",
                    hardware.Location));
                return null;
            }

            from = sibling;
            return For(c, sibling, EfficiencySource.Measured, problems);
        }

        if (hardware.CalibrationTables is not { } reference)
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

    public static bool IsEmbedded(string reference) => CalibrationReference.IsEmbedded(reference);
}
