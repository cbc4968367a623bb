using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;

namespace PerfGate.Evaluation;

/// <summary>Measured tables for hardware whose efficiency (or the scenario's) is <see cref="EfficiencySource.Measured"/>.</summary>
internal static class Calibration
{
    public static CalibrationTables? For(EvaluationContext c, HardwareSpec hardware, EfficiencySource? requested, List<Diagnostic> problems)
    {
        var source = requested ?? hardware.Efficiency;
        if (source != EfficiencySource.Measured || hardware.CalibrationTables is not { } reference)
        {
            return null;
        }

        return CalibrationLoader.Load(reference, c.Request.WorkspaceRoot ?? ".", problems, hardware.Location);
    }
}
