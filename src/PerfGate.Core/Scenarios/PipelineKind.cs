namespace PerfGate.Scenarios;

/// <summary>Seed 002's decode pipelines.</summary>
public enum PipelineKind
{
    /// <summary>Operators run one after another: step time is the sum.</summary>
    Naive,

    /// <summary>Two micro-batches overlap compute with expert-parallel communication (DeepSeek's EP144 scheme).</summary>
    DualMicroBatch,
}
