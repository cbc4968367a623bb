namespace PerfGate.Estimation;

/// <summary>What limits an operator's time.</summary>
public enum Bound : byte
{
    Memory,
    Compute,
    Network,

    /// <summary>The fixed cost of launching a kernel (inside a captured graph) dominates.</summary>
    Launch,
}
