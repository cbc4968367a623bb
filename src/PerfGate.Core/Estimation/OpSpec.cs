using PerfGate.Quantities;

namespace PerfGate.Estimation;

/// <summary>An operator as built from the architecture, before it is timed (internal, mutable for speed).</summary>
internal struct OpSpec
{
    public string Name;
    public OperatorKind Kind;
    public OperatorScope Scope;
    public MicroBatchStage Stage;
    public int Instances;

    // GEMM: Groups independent M x N x K products (heads of a batched GEMM, experts hit).
    public long M;
    public long N;
    public long K;
    public double Groups;
    public DataType WeightType;
    public bool DeepGemmEligible;
    public bool UpProjection;

    // Attention.
    public int Batch;
    public int QueryLength;
    public int QueryHeads;
    public int KvHeads;
    public int HeadDim;
    public int Context;
    public double KvElementBytes;
    public bool Mla;
    public DataType ComputeType;

    // Communication.
    public bool OverNic;

    // Filled by the builder: work and traffic per instance.
    public double Flops;
    public double Bytes;
    public double WeightBytes;
    public double ResidentWeightBytes;
}
