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
    /// Maps the items on up to N cores and hands each result to <paramref name="consume"/> on the calling thread, in the
    /// items' order, as soon as it and every result before it are ready: the calls to <paramref name="consume"/> are the
    /// ones, in the order, that a loop on one core would make, and an exception in a mapping is rethrown as itself where
    /// that loop would have thrown it (after the results before it are consumed).
    /// <list type="bullet">
    /// <item>The calling thread consumes and, while the next result is not ready, maps the next unmapped item itself;
    /// N - 1 helpers map the rest. Consuming (recording a parsed file) overlaps mapping the items after it, so the one
    /// part that must run in order does not leave the other cores idle.</item>
    /// <item>At most one window (<see cref="WindowPerCore"/> items a core) is mapped ahead of the last result consumed:
    /// what a result holds only until it is consumed (a parsed tree turned into a record) dies young instead of
    /// waiting for the whole list.</item>
    /// <item>When a mapping or <paramref name="consume"/> throws, no further item is started, and the helpers have
    /// finished before the exception leaves.</item>
    /// </list>
    /// </summary>
    public static void ForEach<TItem, TResult>(IReadOnlyList<TItem> items, int degree, Func<TItem, TResult> map, Action<TResult> consume)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(consume);
        if (degree <= 1 || items.Count < 2)
        {
            foreach (var item in items)
            {
                consume(map(item));
            }

            return;
        }

        new Pipeline<TItem, TResult>(items, degree * WindowPerCore, map).Run(Math.Min(degree, items.Count) - 1, consume);
    }

    private const int WindowPerCore = 16;

    /// <summary>
    /// <see cref="ForEach"/>'s state. One lock guards the counters and the ready flags; an item is claimed and finished
    /// under it (twice per item, against a mapping of tens of microseconds or more), and the work itself runs outside it.
    /// </summary>
    private sealed class Pipeline<TItem, TResult>(IReadOnlyList<TItem> items, int window, Func<TItem, TResult> map)
    {
        private readonly object gate = new();
        private readonly TResult?[] results = new TResult?[items.Count];
        private readonly ExceptionDispatchInfo?[] errors = new ExceptionDispatchInfo?[items.Count];
        private readonly bool[] ready = new bool[items.Count];

        // Guarded by gate: the next item to claim, how many results were consumed, and whether to start no more items.
        private int claimed;
        private int consumed;
        private bool stopped;

        public void Run(int helpers, Action<TResult> consume)
        {
            var tasks = new Task[helpers];
            for (var h = 0; h < helpers; h++)
            {
                tasks[h] = Task.Run(Help);
            }

            try
            {
                for (var next = 0; next < items.Count; next++)
                {
                    Await(next);
                    var result = results[next];
                    var error = errors[next];
                    results[next] = default;
                    error?.Throw();
                    consume(result!);
                    lock (gate)
                    {
                        consumed++;
                        Monitor.PulseAll(gate);
                    }
                }
            }
            finally
            {
                lock (gate)
                {
                    stopped = true;
                    Monitor.PulseAll(gate);
                }

                // Helpers catch what their items throw, so waiting for them never throws.
                Task.WaitAll(tasks);
            }
        }

        /// <summary>Until item <paramref name="next"/> is mapped, maps the next unclaimed item on this thread or waits for a helper.</summary>
        private void Await(int next)
        {
            while (true)
            {
                int mine;
                lock (gate)
                {
                    if (ready[next])
                    {
                        return;
                    }

                    if (!TryClaim(out mine))
                    {
                        // Item next is being mapped by a helper: its end pulses.
                        Monitor.Wait(gate);
                        continue;
                    }
                }

                MapOne(mine);
            }
        }

        private void Help()
        {
            while (true)
            {
                int mine;
                lock (gate)
                {
                    while (!TryClaim(out mine))
                    {
                        if (stopped || claimed >= items.Count)
                        {
                            return;
                        }

                        // The window is full: the caller's next consume pulses.
                        Monitor.Wait(gate);
                    }
                }

                MapOne(mine);
            }
        }

        /// <summary>Claims the next item when one is left, nothing has failed, and it lies within the window (under the lock).</summary>
        private bool TryClaim(out int index)
        {
            index = claimed;
            if (stopped || claimed >= items.Count || claimed >= consumed + window)
            {
                return false;
            }

            claimed++;
            return true;
        }

        private void MapOne(int index)
        {
            try
            {
                results[index] = map(items[index]);
            }
            catch (Exception ex)
            {
                errors[index] = ExceptionDispatchInfo.Capture(ex);
            }

            lock (gate)
            {
                ready[index] = true;
                if (errors[index] is not null)
                {
                    // Items after a failed one are not started; the caller still consumes those before it, then throws.
                    stopped = true;
                }

                Monitor.PulseAll(gate);
            }
        }
    }
}
