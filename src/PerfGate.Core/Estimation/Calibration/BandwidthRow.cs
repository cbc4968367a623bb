namespace PerfGate.Estimation.Calibration;

/// <summary>One row of bandwidth.csv: <c>copy</c>, <c>read</c> or <c>tiny_kernel</c>.</summary>
public readonly record struct BandwidthRow(string Op, long BytesMoved, double TimeMicroseconds);
