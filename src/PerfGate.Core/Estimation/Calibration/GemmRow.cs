using PerfGate.Quantities;

namespace PerfGate.Estimation.Calibration;

/// <summary>One row of gemm.csv: C[m,n] = A[m,k] x W[n,k]^T took <see cref="TimeMicroseconds"/>.</summary>
public readonly record struct GemmRow(DataType Type, long M, long N, long K, double TimeMicroseconds);
