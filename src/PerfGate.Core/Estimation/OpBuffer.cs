namespace PerfGate.Estimation;

/// <summary>A reusable, growable array of operators (internal; one per thread).</summary>
internal sealed class OpBuffer
{
    [ThreadStatic]
    private static OpBuffer? _shared;

    private OpSpec[] _items = new OpSpec[64];

    public int Count { get; private set; }

    public static OpBuffer Rent()
    {
        var b = _shared ?? new OpBuffer();
        _shared = null;
        b.Count = 0;
        return b;
    }

    public static void Return(OpBuffer buffer) => _shared = buffer;

    public ref OpSpec this[int index] => ref _items[index];

    public ref OpSpec Add()
    {
        if (Count == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        ref var op = ref _items[Count++];
        op = default;
        return ref op;
    }
}
