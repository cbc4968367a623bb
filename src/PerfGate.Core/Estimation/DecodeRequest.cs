using PerfGate.Catalog;
using PerfGate.Estimation.Calibration;
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

    /// <summary>Tokens each sequence feeds per step: 1 + speculative (MTP) tokens (seed 002's q_seq_len).</summary>
    public int QueryLength => 1 + Mtp;

    /// <summary>Cards of the deployment: TP x DP.</summary>
    public int Cards => Parallelism.Tp * Parallelism.Dp;

    /// <summary>A request from a scenario's <c>decode:</c> section; the caller resolves the catalog ids.</summary>
    public static DecodeRequest FromScenario(
        ScenarioSpec scenario,
        ModelSpec model,
        HardwareSpec hardware,
        NicSpec? nic,
        CalibrationTables? calibration)
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
        };
    }
}
