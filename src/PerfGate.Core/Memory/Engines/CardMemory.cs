using PerfGate.Quantities;

namespace PerfGate.Memory.Engines;

/// <summary>One card's memory before the KV cache: its capacity and what is resident on it.</summary>
public readonly record struct CardMemory(Bytes Capacity, Bytes Weights, Bytes Runtime, Bytes Communication, Bytes System)
{
    public Bytes Resident => Weights + Runtime + Communication + System;
}
