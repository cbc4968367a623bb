using System.Collections.Concurrent;

namespace PerfGate.Threading;

/// <summary>
/// A memo that a run's threads share (internal): each key's value computed once and kept for the rest of the process,
/// for values every scenario would otherwise build again and keep (row keys, sort orders, repeated strings). At most
/// <c>capacity</c> keys are kept, so no input grows one without bound: past that, a new key's value is computed and
/// returned, not stored. Two threads asking for a new key at once may both compute it; both get the one that was stored.
/// </summary>
internal sealed class BoundedMemo<TKey, TValue>(int capacity, IEqualityComparer<TKey>? comparer = null)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _values = new(comparer);
    private int _count;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> create)
    {
        if (_values.TryGetValue(key, out var known))
        {
            return known;
        }

        var value = create(key);
        if (Volatile.Read(ref _count) >= capacity)
        {
            return value;
        }

        if (_values.TryAdd(key, value))
        {
            Interlocked.Increment(ref _count);
            return value;
        }

        return _values.TryGetValue(key, out known) ? known : value;
    }
}
