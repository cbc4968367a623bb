namespace PerfGate.Estimation.Calibration;

/// <summary>
/// One file of a calibration folder: its name, the columns the loader reads, whether a folder must hold it, and the
/// name of the collector's column list that writes it (src/PerfGate.Calibration/collect.py; a test binds the two).
/// </summary>
public sealed record CalibrationFile(string Name, IReadOnlyList<string> Columns, bool Required, string CollectorColumns);
