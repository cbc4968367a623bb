using PerfGate.Quantities;

namespace PerfGate.Scenarios;

/// <summary>
/// Element types. <see cref="NonExpertWeights"/> is seed 002's "non-expert element size" (attention,
/// shared experts, dense layers); null means the same as <see cref="Weights"/>.
/// </summary>
public sealed record DtypeSettings(
    DataType Weights = DataType.Bf16,
    DataType Kv = DataType.Bf16,
    DataType Activations = DataType.Bf16,
    DataType? NonExpertWeights = null)
{
    public static DtypeSettings Default { get; } = new();

    public DataType EffectiveNonExpertWeights => NonExpertWeights ?? Weights;
}
