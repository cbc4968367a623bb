using PerfGate.Catalog;
using PerfGate.Estimation.Calibration;
using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>The hardware figures an operator's time is computed from (internal, built once per request).</summary>
internal sealed class TimingContext
{
    private Peaks _peak;
    private Peaks _fromPeak;

    static TimingContext()
    {
        // The inline peaks hold one figure per data type: a new type must grow them.
        if (Enum.GetValues<DataType>().Length != Peaks.Length)
        {
            throw new InvalidOperationException($"TimingContext.Peaks holds {Peaks.Length} data types; DataType has {Enum.GetValues<DataType>().Length}");
        }
    }

    public TimingContext(DecodeRequest request)
    {
        Hardware = request.Hardware;
        Source = request.Efficiency;
        Tables = request.Efficiency == EfficiencySource.Measured ? request.Calibration : null;
        From = Tables is null ? null : request.CalibrationFrom;
        MemoryBandwidth = Hardware.MemoryBandwidth.Value;
        NicBandwidth = request.Nic?.EffectiveBandwidth.Value ?? Hardware.IntraNodeBandwidth?.Value ?? double.NaN;
        LinkBandwidth = Hardware.IntraNodeBandwidth?.Value ?? double.NaN;
        EpOverNic = request.Nic is not null;
        Tp = request.Parallelism.Tp;
        Ep = request.Parallelism.Ep;
        for (var t = 0; t < Peaks.Length; t++)
        {
            _peak[t] = PeakOf(Hardware, (DataType)t) ?? double.NaN;
            _fromPeak[t] = From is null ? double.NaN : PeakOf(From, (DataType)t) ?? double.NaN;
        }

        FromMemoryBandwidth = From?.MemoryBandwidth.Value ?? double.NaN;
        Exp2 = Hardware.Exp2?.Value ?? double.PositiveInfinity;
        Reduce = Hardware.Reduce?.Value ?? double.PositiveInfinity;
        Achieved = Source is EfficiencySource.Achieved or EfficiencySource.A100Curve ? AchievedFractions.H100 : null;
        Fixed = Source switch
        {
            EfficiencySource.Measured when Tables is not null && !double.IsNaN(Tables.Fit.FixedSeconds) => Tables.Fit.FixedSeconds,
            EfficiencySource.Measured or EfficiencySource.Achieved or EfficiencySource.A100Curve =>
                Hardware.KernelLaunchOverhead.Seconds > 0 ? Hardware.KernelLaunchOverhead.Seconds : AchievedFractions.DefaultFixedSeconds,
            EfficiencySource.Seed or EfficiencySource.Roofline => 0,
            _ => throw new ArgumentOutOfRangeException(nameof(request), Source, "unknown efficiency source"),
        };
        CopyBandwidth = Tables is { Bandwidth.HasCopy: true } ? Tables.Bandwidth : null;
        Collectives = Source is not (EfficiencySource.Seed or EfficiencySource.Roofline);
        HostOverhead = (request.HostOverhead ?? request.Implementation.HostOverhead).Seconds;
    }

    public HardwareSpec Hardware { get; }
    public EfficiencySource Source { get; }

    /// <summary>Measured tables (this hardware's or a sibling's), only with <see cref="EfficiencySource.Measured"/>.</summary>
    public CalibrationTables? Tables { get; }

    /// <summary>The sibling the tables were measured on (spec-ratio transfer), or null.</summary>
    public HardwareSpec? From { get; }

    /// <summary>The measured copy bandwidth element-wise kernels run at, when the tables have it (measured source only).</summary>
    public BandwidthTable? CopyBandwidth { get; }

    public double MemoryBandwidth { get; }
    public double FromMemoryBandwidth { get; }
    public double NicBandwidth { get; }
    public double LinkBandwidth { get; }
    public bool EpOverNic { get; }
    public int Tp { get; }
    public int Ep { get; }
    public double Exp2 { get; }
    public double Reduce { get; }

    /// <summary>Fixed part of one kernel in seconds (README, "Per-kernel cost"); 0 for the seed and roofline sources.</summary>
    public double Fixed { get; }

    /// <summary>Whether collectives pay their per-message latency (not in the seed or roofline sources).</summary>
    public bool Collectives { get; }

    /// <summary>Host time per step in seconds.</summary>
    public double HostOverhead { get; }

    public AchievedFractions? Achieved { get; }

    /// <summary>Dense matrix peak for a weight type; fp8 falls back to int8 (seed 002 on A100), int4 to int8.</summary>
    public double Peak(DataType type) => _peak[(int)type];

    /// <summary>The sibling's peak for a type (transfer only).</summary>
    public double FromPeak(DataType type) => _fromPeak[(int)type];

    /// <summary>
    /// Spec-ratio transfer of a sibling's table time: the part above the fixed per-kernel cost scales with the ratio
    /// of the two cards' rooflines for this kernel (its FLOPs at each peak, its bytes at each spec bandwidth), so
    /// the kernel keeps the efficiency it had on the sibling; the fixed part stays.
    /// </summary>
    public double Transfer(double tableSeconds, double flops, double bytes, DataType type)
    {
        if (From is null)
        {
            return tableSeconds;
        }

        var here = Math.Max(bytes / MemoryBandwidth, flops / Peak(type));
        var there = Math.Max(bytes / FromMemoryBandwidth, flops / FromPeak(type));
        var variable = Math.Max(0, tableSeconds - Fixed);
        return there > 0 ? Fixed + (variable * here / there) : tableSeconds;
    }

    public static double? PeakOf(HardwareSpec hardware, DataType type) => type switch
    {
        DataType.Fp8 => (hardware.Fp8 ?? hardware.Int8)?.Value,
        DataType.Fp32 => hardware.Bf16.Value / 2,
        _ => hardware.MatrixThroughput(type)?.Value,
    };

    /// <summary>One peak per <see cref="DataType"/>, held inline (no array per request).</summary>
    [System.Runtime.CompilerServices.InlineArray(Length)]
    private struct Peaks
    {
        public const int Length = 6;
        private double _first;
    }
}
