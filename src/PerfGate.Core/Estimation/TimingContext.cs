using PerfGate.Catalog;
using PerfGate.Estimation.Calibration;
using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>The hardware figures an operator's time is computed from (internal, built once per request).</summary>
internal sealed class TimingContext
{
    private static readonly DataType[] Types = Enum.GetValues<DataType>();
    private readonly double[] _peak;

    public TimingContext(DecodeRequest request)
    {
        Hardware = request.Hardware;
        Source = request.Efficiency;
        Tables = request.Efficiency == EfficiencySource.Measured ? request.Calibration : null;
        MemoryBandwidth = Hardware.MemoryBandwidth.Value;
        NicBandwidth = request.Nic?.EffectiveBandwidth.Value ?? Hardware.IntraNodeBandwidth?.Value ?? double.NaN;
        LinkBandwidth = Hardware.IntraNodeBandwidth?.Value ?? double.NaN;
        EpOverNic = request.Nic is not null;
        LaunchFloor = Tables is not null && !double.IsNaN(Tables.Bandwidth.LaunchFloorSeconds)
            ? Tables.Bandwidth.LaunchFloorSeconds
            : Source == EfficiencySource.Measured ? Hardware.KernelLaunchOverhead.Seconds : 0;
        _peak = new double[Types.Length];
        foreach (var t in Types)
        {
            _peak[(int)t] = PeakOf(Hardware, t) ?? double.NaN;
        }

        Exp2 = Hardware.Exp2?.Value ?? double.PositiveInfinity;
        Reduce = Hardware.Reduce?.Value ?? double.PositiveInfinity;
    }

    public HardwareSpec Hardware { get; }
    public EfficiencySource Source { get; }
    public CalibrationTables? Tables { get; }
    public double MemoryBandwidth { get; }
    public double NicBandwidth { get; }
    public double LinkBandwidth { get; }
    public bool EpOverNic { get; }
    public double LaunchFloor { get; }
    public double Exp2 { get; }
    public double Reduce { get; }

    /// <summary>Dense matrix peak for a weight type; fp8 falls back to int8 (seed 002 on A100), int4 to int8.</summary>
    public double Peak(DataType type) => _peak[(int)type];

    public static double? PeakOf(HardwareSpec hardware, DataType type) => type switch
    {
        DataType.Fp8 => (hardware.Fp8 ?? hardware.Int8)?.Value,
        DataType.Fp32 => hardware.Bf16.Value / 2,
        _ => hardware.MatrixThroughput(type)?.Value,
    };
}
