using PerfGate.Catalog;
using PerfGate.Estimation.Calibration;
using PerfGate.Estimation.Implementations;
using PerfGate.Quantities;
using PerfGate.Scenarios;

namespace PerfGate.Estimation;

/// <summary>
/// Everything one decode-step estimate needs. <see cref="Batch"/> is the number of sequences per
/// attention data-parallel rank (per card when TP is 1); the deployment has TP x DP cards and experts
/// are spread over EP of them. <see cref="Calibration"/> is required when <see cref="Efficiency"/> is
/// <see cref="EfficiencySource.Measured"/> (load it with <see cref="CalibrationLoader"/>).
/// </summary>
public sealed record DecodeRequest
{
    public required ModelSpec Model { get; init; }
    public required HardwareSpec Hardware { get; init; }

    /// <summary>NIC for expert-parallel dispatch/combine; when null, EP traffic uses the intra-node link.</summary>
    public NicSpec? Nic { get; init; }

    public Parallelism Parallelism { get; init; } = Parallelism.Single;

    /// <summary>Weights = routed-expert weights (and all weights of dense models unless NonExpertWeights is set).</summary>
    public DtypeSettings Dtypes { get; init; } = DtypeSettings.Default;

    public int Batch { get; init; } = 1;
    public int Context { get; init; } = 4096;
    public int Mtp { get; init; }
    public double MtpAcceptance { get; init; } = 0.85;
    public PipelineKind Pipeline { get; init; } = PipelineKind.Naive;
    public EfficiencySource Efficiency { get; init; } = EfficiencySource.Roofline;
    public LayerTreatment Layers { get; init; } = LayerTreatment.AsBuilt;
    public CalibrationTables? Calibration { get; init; }

    /// <summary>
    /// The hardware <see cref="Calibration"/> was measured on when it is borrowed (<c>calibration: {from: ...}</c>):
    /// table times are carried over by the spec ratio of the two (README, "Calibration transfer"). Null: the
    /// tables are this hardware's own.
    /// </summary>
    public HardwareSpec? CalibrationFrom { get; init; }

    /// <summary>Which implementation's kernels run the model (fusions, so small-kernel counts); default plain PyTorch.</summary>
    public ImplementationProfile Implementation { get; init; } = ImplementationProfiles.PyTorch;

    /// <summary>Host time per step; null: the implementation's (zero unless published).</summary>
    public Duration? HostOverhead { get; init; }

    /// <summary>Tokens each sequence feeds per step: 1 + speculative (MTP) tokens (seed 002's q_seq_len).</summary>
    public int QueryLength => 1 + Mtp;

    /// <summary>Cards of the deployment: TP x DP.</summary>
    public int Cards => Parallelism.Tp * Parallelism.Dp;

    /// <summary>
    /// The scenario's <c>decode.implementation</c>, else its engine's profile (<c>memory.engine</c>), else plain PyTorch.
    /// </summary>
    public static ImplementationProfile ImplementationFor(ScenarioSpec scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        if (scenario.Decode?.Implementation is { } id && ImplementationProfiles.Find(id) is { } chosen)
        {
            return chosen;
        }

        return scenario.Memory is { } m ? ImplementationProfiles.Find(m.Engine.Id) ?? ImplementationProfiles.PyTorch : ImplementationProfiles.PyTorch;
    }

    /// <summary>A request from a scenario's <c>decode:</c> section; the caller resolves the catalog ids.</summary>
    public static DecodeRequest FromScenario(
        ScenarioSpec scenario,
        ModelSpec model,
        HardwareSpec hardware,
        NicSpec? nic,
        CalibrationTables? calibration,
        HardwareSpec? calibrationFrom = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var decode = scenario.Decode ?? new DecodeSettings();
        return new DecodeRequest
        {
            Model = model,
            Hardware = hardware,
            Nic = nic,
            Parallelism = scenario.Parallelism,
            Dtypes = scenario.Dtypes,
            Batch = decode.Batch,
            Context = decode.Context,
            Mtp = decode.Mtp,
            MtpAcceptance = decode.MtpAcceptance,
            Pipeline = decode.Pipeline,
            Efficiency = decode.Efficiency ?? hardware.Efficiency,
            Calibration = calibration,
            CalibrationFrom = calibrationFrom,
            Implementation = ImplementationFor(scenario),
            HostOverhead = decode.HostOverhead,
        };
    }
}
