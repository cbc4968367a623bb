using PerfGate.Threading;

namespace PerfGate.Gate;

/// <summary>
/// The ordinal sort order of a sequence of unique keys, as the indexes of the keys in that order (internal), remembered
/// per sequence for the run: every scenario of a kind gives its snapshot the same settings and metric keys in the same
/// order, and sorting them again by string comparison was a twentieth of a check's work. A sequence is known by its
/// keys' text (their hash, then ordinal equality), so a key built anew per scenario still finds its order. At most
/// <see cref="MaxSequences"/> sequences are kept; past that, orders are computed and not stored.
/// </summary>
internal static class KeyOrders
{
    private const int MaxSequences = 1024;

    private static readonly BoundedMemo<string[], int[]> Orders = new(MaxSequences, SequenceComparer.Instance);

    /// <summary>The indexes of <paramref name="keys"/> in ordinal order of the keys; <paramref name="keys"/> is not changed.</summary>
    public static int[] For(string[] keys) => Orders.GetOrAdd(keys, static keys =>
    {
        var order = new int[keys.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        Array.Sort((string[])keys.Clone(), order, StringComparer.Ordinal);
        return order;
    });

    private sealed class SequenceComparer : IEqualityComparer<string[]>
    {
        public static readonly SequenceComparer Instance = new();

        public bool Equals(string[]? x, string[]? y)
        {
            if (ReferenceEquals(x, y))
            {
                return true;
            }

            if (x is null || y is null || x.Length != y.Length)
            {
                return false;
            }

            for (var i = 0; i < x.Length; i++)
            {
                if (!string.Equals(x[i], y[i], StringComparison.Ordinal))
                {
                    return false;
                }
            }

            return true;
        }

        public int GetHashCode(string[] obj)
        {
            var hash = default(HashCode);
            hash.Add(obj.Length);
            foreach (var key in obj)
            {
                hash.Add(key, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
