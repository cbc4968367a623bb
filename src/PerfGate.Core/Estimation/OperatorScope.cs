namespace PerfGate.Estimation;

/// <summary>Where an operator runs: once per dense layer, once per MoE layer, or once per step.</summary>
public enum OperatorScope : byte
{
    DenseLayer,
    MoeLayer,
    Model,
}
