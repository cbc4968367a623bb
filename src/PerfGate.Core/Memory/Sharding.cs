using PerfGate.Quantities;

namespace PerfGate.Memory;

/// <summary>Integer helpers shared by the memory formulas (ceil division, bytes of an element count).</summary>
internal static class Sharding
{
    public static long CeilDiv(long a, long b) => (a + b - 1) / b;

    /// <summary>Bytes of <paramref name="elements"/> elements of <paramref name="type"/>, rounded up (int4 packs two per byte).</summary>
    public static long BytesOf(long elements, DataType type) => type == DataType.Int4
        ? CeilDiv(elements, 2)
        : elements * (long)type.BytesPerElement();
}
