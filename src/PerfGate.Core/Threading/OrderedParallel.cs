using System.Runtime.ExceptionServices;

namespace PerfGate.Threading;

/// <summary>
/// Maps independent items on up to N cores and returns the results in the items' order, so that whatever runs in
/// parallel gives the bytes one core gives. An exception in one item is rethrown as itself (not wrapped), as on one core.
/// </summary>
public static class OrderedParallel
{
    public static IReadOnlyList<TResult> Map<TItem, TResult>(IReadOnlyList<TItem> items, int degree, Func<TItem, TResult> map)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        var results = new TResult[items.Count];
        if (degree <= 1 || items.Count < 2)
        {
            for (var i = 0; i < items.Count; i++)
            {
                results[i] = map(items[i]);
            }

            return results;
        }

        try
        {
            Parallel.For(0, items.Count, new ParallelOptions { MaxDegreeOfParallelism = degree }, i => results[i] = map(items[i]));
        }
        catch (AggregateException ex) when (ex.InnerExceptions.Count > 0)
        {
            ExceptionDispatchInfo.Capture(ex.InnerExceptions[0]).Throw();
        }

        return results;
    }

    /// <summary>
    /// Maps the items on up to N cores a window at a time and hands each result to <paramref name="consume"/> on the
    /// calling thread, in the items' order, before the next window is mapped: what a result holds only until it is
    /// consumed (a parsed tree turned into a record) dies young instead of waiting for the whole list. The calls to
    /// <paramref name="consume"/> are the ones, in the order, that <see cref="Map"/> then a loop would make.
    /// </summary>
    public static void ForEach<TItem, TResult>(IReadOnlyList<TItem> items, int degree, Func<TItem, TResult> map, Action<TResult> consume)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(consume);
        if (degree <= 1)
        {
            foreach (var item in items)
            {
                consume(map(item));
            }

            return;
        }

        // Enough items per window to keep every core busy while the window's slowest item finishes.
        var window = degree * WindowPerCore;
        var all = items as TItem[] ?? [.. items];
        for (var start = 0; start < items.Count; start += window)
        {
            var results = Map(new ArraySegment<TItem>(all, start, Math.Min(window, items.Count - start)), degree, map);
            foreach (var result in results)
            {
                consume(result);
            }
        }
    }

    private const int WindowPerCore = 16;
}
