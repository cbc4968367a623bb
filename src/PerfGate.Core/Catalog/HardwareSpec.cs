using PerfGate.Diagnostics;
using PerfGate.Quantities;

namespace PerfGate.Catalog;

/// <summary>
/// One accelerator (a GPU or an NPU), per card. Capacities are as read off the device
/// (<see cref="Memory"/>: nvidia-smi / npu-smi, binary units) and, separately, as marketed.
/// Absent optional figures are null (e.g. no fp8 on A100).
/// </summary>
public sealed record HardwareSpec
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Vendor { get; init; }

    /// <summary>Memory capacity as the device reports it (e.g. H100 SXM: 81,559 MiB).</summary>
    public required Bytes Memory { get; init; }

    /// <summary>Marketed capacity (decimal GB as on the spec sheet), for display only.</summary>
    public Bytes? MarketedMemory { get; init; }

    public required BytesPerSecond MemoryBandwidth { get; init; }
    public required FlopsPerSecond Bf16 { get; init; }
    public FlopsPerSecond? Fp16 { get; init; }
    public FlopsPerSecond? Fp8 { get; init; }
    public FlopsPerSecond? Int8 { get; init; }

    /// <summary>Vector-unit throughput for exp2 (softmax), seed 002's exp2_FLOPS.</summary>
    public FlopsPerSecond? Exp2 { get; init; }

    /// <summary>Vector-unit throughput for reductions, seed 002's reduce_FLOPS.</summary>
    public FlopsPerSecond? Reduce { get; init; }

    public LinkKind? IntraNodeLink { get; init; }

    /// <summary>Per-card intra-node link bandwidth, one direction.</summary>
    public BytesPerSecond? IntraNodeBandwidth { get; init; }

    /// <summary>Seed 002: FlashAttention-3 two-stage GEMM/softmax overlap (Hopper).</summary>
    public bool TwoStageFa3 { get; init; }

    /// <summary>Seed 002: three-stage overlap (an ideal future chip).</summary>
    public bool ThreeStageFa3 { get; init; }

    /// <summary>Memory the driver/runtime holds at rest (seed 003: ~3.4 GB per 910B3).</summary>
    public Bytes SystemReservedMemory { get; init; }

    /// <summary>Fixed cost of one kernel inside a captured graph (calibration: ~1.2 us on H100).</summary>
    public Duration KernelLaunchOverhead { get; init; }

    /// <summary>Default efficiency correction for this hardware.</summary>
    public EfficiencySource Efficiency { get; init; } = EfficiencySource.Seed;

    /// <summary>Folder (or embedded resource prefix) with measured tables in the calibration column layout.</summary>
    public string? CalibrationTables { get; init; }

    /// <summary>Borrowed tables (<c>calibration: {from: ID, transfer: spec-ratio}</c>); null when none are borrowed.</summary>
    public CalibrationTransfer? CalibrationTransfer { get; init; }

    public Provenance Sources { get; init; } = Provenance.Empty;

    /// <summary>
    /// Keys the document left out whose default changes an estimate (system reserve, efficiency source, per-kernel
    /// cost): <see cref="DefaultedFields"/> order, empty when the document sets them all.
    /// </summary>
    public IReadOnlyList<string> Defaulted { get; init; } = [];

    /// <summary>The keys <see cref="Defaulted"/> is drawn from, with the default each takes.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>> DefaultedFields { get; } =
    [
        new("systemReservedMemory", "0 MiB held at rest"),
        new("efficiency", "the published factors"),
        new("kernelLaunchOverhead", "0 us per kernel"),
    ];

    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>Dense matrix throughput for an element type, or null when the hardware has none.</summary>
    public FlopsPerSecond? MatrixThroughput(DataType type) => type switch
    {
        DataType.Bf16 => Bf16,
        DataType.Fp16 => Fp16 ?? Bf16,
        DataType.Fp8 => Fp8,
        DataType.Int8 => Int8,
        DataType.Fp32 => null,
        DataType.Int4 => Int8,
        _ => null,
    };
}
