using PerfGate.Scenarios;

namespace PerfGate.Estimation;

/// <summary>One row of seed 002's result table (its columns, in its order).</summary>
public sealed record SearchRow(
    string Gpu,
    string Nic,
    PipelineKind Pipeline,
    int Ep,
    int KvElementBytes,
    int NonExpertElementBytes,
    int Batch,
    bool DeepGemm,
    double UserTokensPerSecond,
    double ThroughputPerCard,
    int Mtp)
{
    /// <summary>The seed's spelling of the pipeline: <c>dual-mbatch</c> or <c>naive</c>.</summary>
    public string PipelineId => Pipeline == PipelineKind.DualMicroBatch ? "dual-mbatch" : "naive";
}
