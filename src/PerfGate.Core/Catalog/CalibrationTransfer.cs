namespace PerfGate.Catalog;

/// <summary>
/// A hardware document's borrowed calibration: <c>calibration: {from: h100-sxm, transfer: spec-ratio}</c>. The
/// tables of <see cref="From"/> are read, and each table time is carried over by <see cref="Rule"/>.
/// </summary>
public sealed record CalibrationTransfer(string From, TransferRule Rule);
