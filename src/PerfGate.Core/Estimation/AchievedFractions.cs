using PerfGate.Catalog;
using PerfGate.Diagnostics;
using PerfGate.Estimation.Calibration;
using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>
/// The fractions of spec that the shipped H100 tables reach, for hardware with neither tables nor a sibling
/// (<see cref="EfficiencySource.Achieved"/>), derived here from the embedded tables and the h100-sxm spec sheet
/// (not typed in): <see cref="Stream"/> = the weight-stream rate of <see cref="KernelFit"/> / spec bandwidth
/// (2.73 / 3.35 = 0.82); <see cref="Compute"/> = the median TFLOPS of the m &gt;= 4096 rows / dense peak
/// (bf16 732 / 989 = 0.74, fp8 1365 / 1979 = 0.69). They are H100's: said to be so wherever they are used.
/// </summary>
internal sealed record AchievedFractions(double Stream, double Bf16Compute, double Fp8Compute)
{
    /// <summary>
    /// The documented default fixed part of one kernel for hardware without tables: 3 us, the constant latency
    /// NVIDIA's aiconfigurator adds per operation in its speed-of-light mode (research/estimators.md §1).
    /// A hardware document's <c>kernelLaunchOverhead</c> replaces it.
    /// </summary>
    public const double DefaultFixedSeconds = 3e-6;

    private static readonly Lazy<AchievedFractions> Cache = new(Derive);

    public static AchievedFractions H100 => Cache.Value;

    public double Compute(DataType type) => type.BytesPerElement() <= 1 ? Fp8Compute : Bf16Compute;

    private static AchievedFractions Derive()
    {
        var tables = CalibrationLoader.Load(CalibrationReference.Embedded("h100-sxm"), ".", new List<Diagnostic>())
            ?? throw new InvalidOperationException("the embedded h100-sxm tables do not load");
        var h100 = BuiltInCatalog.Load().Hardware["h100-sxm"];
        return new AchievedFractions(
            tables.Fit.StreamBytesPerSecond / h100.MemoryBandwidth.Value,
            MedianLargeTflops(tables.Gemm, DataType.Bf16) * 1e12 / h100.Bf16.Value,
            MedianLargeTflops(tables.Gemm, DataType.Fp8) * 1e12 / h100.Fp8!.Value.Value);
    }

    private static double MedianLargeTflops(GemmTable gemm, DataType type)
    {
        var rates = gemm.Rows.Where(r => r.Type == type && r.M >= 4096)
            .Select(r => 2.0 * r.M * r.N * r.K / (r.TimeMicroseconds * 1e-6) / 1e12)
            .Order().ToArray();
        return rates.Length % 2 == 1 ? rates[rates.Length / 2] : (rates[(rates.Length / 2) - 1] + rates[rates.Length / 2]) / 2;
    }
}
